package vn.contest.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.jobs.PeriodicJob;

/**
 * Personal data kept only as long as its purpose needs (Nghị định 13/2023/NĐ-CP): delivered or given-up
 * outbox rows and remembered event ids older than RETENTION_DAYS (default 60) are deleted, and one-time code
 * rows after a day, buttons' texts after eight days. Every instance may run it: the deletes are idempotent.
 */
public final class Retention implements AutoCloseable {
    public static final int DEFAULT_DAYS = 60;
    /** How long what a button says is kept with its token (tap_texts). */
    static final Duration TAP_TEXTS_KEPT = Duration.ofDays(8);

    private final Jdbi jdbi;
    private final Duration keep;
    private final PeriodicJob job = new PeriodicJob("retention");

    public Retention(Jdbi jdbi, int days) {
        this.jdbi = jdbi;
        this.keep = Duration.ofDays(days);
    }

    public void start(Duration every) {
        job.start(Duration.ofMinutes(1), every, () -> prune(Instant.now()));
    }

    /** Deletes what is past its time as of {@code now}; returns how many rows went. */
    public int prune(Instant now) {
        var cutoff = now.minus(keep).atOffset(ZoneOffset.UTC);
        return jdbi.inTransaction(h -> h.createUpdate("""
                        DELETE FROM outbox WHERE status IN ('sent', 'failed') AND coalesce(sent_at, created_at) < :cutoff""")
                .bind("cutoff", cutoff).execute()
                + h.createUpdate("DELETE FROM inbound_events WHERE received_at < :cutoff").bind("cutoff", cutoff).execute()
                + h.createUpdate("DELETE FROM phone_codes WHERE created_at < :day").bind("day", now.minus(Duration.ofDays(1))
                        .atOffset(ZoneOffset.UTC)).execute()
                // A button older than the platform's 7-day reply window is not tapped usefully any more.
                + h.createUpdate("DELETE FROM tap_texts WHERE written_at < :week").bind("week", now.minus(TAP_TEXTS_KEPT)
                        .atOffset(ZoneOffset.UTC)).execute());
    }

    @Override
    public void close() {
        job.close();
    }
}
