package vn.contest.core.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class FaultsTest {
    @Test
    void aDatabaseOutageIsPassingAndABugIsNot() {
        assertTrue(Faults.isTransient(new IllegalStateException(new SQLTransientConnectionException("pool timed out"))));
        assertTrue(Faults.isTransient(new RuntimeException(new SQLException("connection refused", "08001"))));
        assertTrue(Faults.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertFalse(Faults.isTransient(new NullPointerException("a bug")));
        assertFalse(Faults.isTransient(new RuntimeException(new SQLException("duplicate key", "23505"))));
    }
}
