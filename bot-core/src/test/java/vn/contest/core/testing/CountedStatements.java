package vn.contest.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;

/**
 * Counts the statements an engine sends where every one of them passes, Jdbi's and plain JDBC's alike: the connection
 * preparing it. Noted as their first two words ("INSERT INTO", "SELECT id,").
 */
public final class CountedStatements {
    private final List<String> seen = new ArrayList<>();
    private final Jdbi jdbi;

    public CountedStatements(Database db) {
        this.jdbi = Jdbi.create(() -> counting(db.openDedicated())).installPlugin(new PostgresPlugin());
    }

    /** A chat played against the engine's contests on counted connections (the driver's own reads counted too). */
    public ChatDriver chat(TestEngine engine, String externalId) {
        Dialogue dialogue = new Dialogue(jdbi, () -> engine.contests, engine.clock, new PaperDrawer());
        return new ChatDriver(dialogue, new OutboxStore(jdbi), externalId);
    }

    /** The statements {@code action} sent. */
    public List<String> during(Runnable action) {
        synchronized (seen) {
            seen.clear();
        }
        action.run();
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private Connection counting(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        String[] words = sql.strip().split("\\s+", 3);
                        synchronized (seen) {
                            seen.add(words[0] + " " + words[1]);
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
