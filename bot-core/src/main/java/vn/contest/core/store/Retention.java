package vn.contest.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.text.Redaction;

/**
 * Personal data kept only as long as its purpose needs (Nghị định 13/2023/NĐ-CP): delivered or given-up
 * outbox rows and remembered event ids older than RETENTION_DAYS (default 60) are deleted, and one-time code
 * rows after a day. Every instance may run it: the deletes are idempotent.
 */
public final class Retention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    public static final int DEFAULT_DAYS = 60;

    private final Jdbi jdbi;
    private final Duration keep;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention");
        t.setDaemon(true);
        return t;
    });

    public Retention(Jdbi jdbi, int days) {
        this.jdbi = jdbi;
        this.keep = Duration.ofDays(days);
    }

    public void start(Duration every) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                prune(Instant.now());
            } catch (RuntimeException e) {
                log.warn("Pruning old records failed, will retry: {}", Redaction.redact(e.toString()));
            }
        }, 1, every.toMinutes(), TimeUnit.MINUTES);
    }

    /** Deletes what is past its time as of {@code now}; returns how many rows went. */
    public int prune(Instant now) {
        var cutoff = now.minus(keep).atOffset(ZoneOffset.UTC);
        return jdbi.inTransaction(h -> h.createUpdate("""
                        DELETE FROM outbox WHERE status IN ('sent', 'failed') AND coalesce(sent_at, created_at) < :cutoff""")
                .bind("cutoff", cutoff).execute()
                + h.createUpdate("DELETE FROM inbound_events WHERE received_at < :cutoff").bind("cutoff", cutoff).execute()
                + h.createUpdate("DELETE FROM phone_codes WHERE created_at < :day").bind("day", now.minus(Duration.ofDays(1))
                        .atOffset(ZoneOffset.UTC)).execute());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
