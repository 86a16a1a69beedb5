package vn.contest.core.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a passing fault (the database unreachable or restarting, a serialization conflict) from a lasting one.
 * Platforms redeliver what we do not acknowledge, so only a passing fault should be left unacknowledged: a
 * lasting one would come back forever and, on Telegram, hold back the chat's later messages.
 */
public final class Faults {
    private Faults() {}

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P: the server is shutting down or restarting; 40: conflicts.
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
