package vn.contest.telegram;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.contest.core.store.Faults;
import vn.contest.core.text.Redaction;

/**
 * Long polling, for a bot without a public URL. Telegram allows one poller per bot, so only the instance
 * holding a PostgreSQL advisory lock polls; the others wait to take over. The offset moves past an update
 * only after it is stored, so a crash re-reads it and the dedupe in the database drops the repeat.
 */
public final class TelegramPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final long LOCK_KEY = 0x7465_6c65_6772_616dL; // "telegram"

    private final TelegramClient client;
    private final UpdateHandler handler;
    private final Jdbi jdbi;
    private final int longPollSeconds;
    private final Thread thread;
    private volatile boolean running = true;

    public TelegramPoller(TelegramClient client, UpdateHandler handler, Jdbi jdbi, int longPollSeconds) {
        this.client = client;
        this.handler = handler;
        this.jdbi = jdbi;
        this.longPollSeconds = longPollSeconds;
        this.thread = new Thread(this::run, "telegram-poller");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try (Handle lock = jdbi.open()) {
                boolean mine = lock.createQuery("SELECT pg_try_advisory_lock(:k)").bind("k", LOCK_KEY).mapTo(Boolean.class).one();
                if (!mine) {
                    pause(Duration.ofSeconds(10));
                    continue;
                }
                try {
                    client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
                    poll();
                } finally {
                    unlock(lock);
                }
            } catch (Exception e) {
                log.warn("Telegram polling stopped, retrying: {}", Redaction.redact(e.toString()));
                pause(Duration.ofSeconds(3));
            }
        }
    }

    /**
     * The lock belongs to the pooled connection's session: released before the connection goes back to the pool,
     * or whichever thread borrows it next would hold it and no instance could poll.
     */
    private static void unlock(Handle lock) {
        try {
            lock.createQuery("SELECT pg_advisory_unlock(:k)").bind("k", LOCK_KEY).mapTo(Boolean.class).one();
        } catch (RuntimeException e) {
            // A broken connection: the pool drops it, and its session's lock with it.
            log.warn("Could not release the Telegram poller's lock: {}", Redaction.redact(e.toString()));
        }
    }

    private void poll() throws Exception {
        int offset = 0;
        while (running) {
            List<Update> updates = client.execute(GetUpdates.builder().offset(offset).timeout(longPollSeconds)
                    .allowedUpdates(UpdateHandler.ALLOWED_UPDATES).build());
            for (Update u : updates) {
                try {
                    handler.handle(u);
                } catch (RuntimeException e) {
                    if (Faults.isTransient(e)) {
                        throw e; // polled again from the last confirmed offset once the database is back
                    }
                    log.error("Telegram update {} could not be handled: {}", u.getUpdateId(), Redaction.redact(String.valueOf(e)));
                }
                offset = u.getUpdateId() + 1;
            }
            if (updates.isEmpty() && longPollSeconds == 0) {
                pause(Duration.ofMillis(200));
            }
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
