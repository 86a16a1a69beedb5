package vn.contest.core.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

/**
 * The sweeper, the outbox, the poller's lock and the token store serve a whole database, so a database
 * holds one contest: a second one is refused at start, and the schema refuses it too.
 */
class OneContestPerDatabaseTest {
    @Test
    void aSecondContestIsRefusedWithAMessageThatSaysWhatToDo() {
        try (Database db = TestDatabase.fresh()) {
            Contest first = TestContest.install(db.jdbi(), TestContest.config());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ContestStore.install(db.jdbi(),
                    TestContest.config(TestContest.yaml().replace("code: test-contest", "code: other-contest"))));
            assertTrue(e.getMessage().contains("'test-contest'") && e.getMessage().contains("DATA_DIR"), e.getMessage());
            assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO contests (code, title, config) VALUES ('sneaky', 'x', '{}')")));
            long contests = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM contests").mapTo(Long.class).one());
            assertEquals(1L, contests);
            assertEquals(first.id(), ContestStore.install(db.jdbi(), TestContest.config()).id(), "the same contest installs again");
        }
    }
}
