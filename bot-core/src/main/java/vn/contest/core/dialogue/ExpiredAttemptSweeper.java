package vn.contest.core.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.text.Redaction;

/**
 * Finishes papers whose time ran out while their owner was silent, and tells them, each through the same
 * turn a late answer gets ({@link Dialogue#finishIfExpired}). It can run on every instance at once: a paper
 * another instance finished first is simply found closed.
 */
public final class ExpiredAttemptSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExpiredAttemptSweeper.class);

    private final Jdbi jdbi;
    private final Dialogue dialogue;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attempt-sweeper");
        t.setDaemon(true);
        return t;
    });

    public ExpiredAttemptSweeper(Jdbi jdbi, Dialogue dialogue, Clock clock) {
        this.jdbi = jdbi;
        this.dialogue = dialogue;
        this.clock = clock;
    }

    public void start(Duration every) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Attempt sweep failed, will retry: {}", Redaction.redact(e.toString()));
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Finishes every expired paper; returns how many it finished. */
    public int sweep() {
        Instant now = clock.instant();
        List<Long> expired = jdbi.withHandle(h -> AttemptStore.expired(h, now, 500));
        int finished = 0;
        for (long attemptId : expired) {
            if (dialogue.finishIfExpired(attemptId)) {
                finished++;
            }
        }
        return finished;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
