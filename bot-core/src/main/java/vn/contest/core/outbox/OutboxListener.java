package vn.contest.core.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.text.Redaction;

/**
 * Wakes the dispatcher when another transaction queued replies in bulk: {@link OutboxStore#wakeDispatchers} sends
 * {@code pg_notify('outbox', channel)}, which PostgreSQL delivers when that transaction commits, here on one
 * connection of its own (outside the pool, which would hand it to others). When the database goes away the
 * connection is opened again, and everyone is woken then, since notifications sent meanwhile are lost.
 */
final class OutboxListener implements AutoCloseable {
    static final String TOPIC = "outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

    private final Callable<Connection> connect;
    private final Consumer<String> wake;
    private final Runnable wakeAll;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;

    OutboxListener(Callable<Connection> connect, Consumer<String> wake, Runnable wakeAll) {
        this.connect = connect;
        this.wake = wake;
        this.wakeAll = wakeAll;
        this.thread = new Thread(this::run, "outbox-listener");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long backoff = 500;
        while (!closed) {
            try (Connection c = connect.call(); Statement st = c.createStatement()) {
                current = c;
                st.execute("LISTEN " + TOPIC);
                backoff = 500;
                wakeAll.run(); // anything notified while we were not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications(5_000);
                    if (notes == null) {
                        if (!c.isValid(2)) {
                            throw new SQLException("listening connection lost");
                        }
                        continue;
                    }
                    for (PGNotification n : notes) {
                        wake.accept(n.getParameter());
                    }
                }
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                log.warn("Outbox listener lost its connection, reconnecting: {}", Redaction.redact(e.toString()));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                current = null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
