package vn.contest.core.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.jobs.PeriodicJob;

/**
 * Finishes papers whose time ran out while their owner was silent, and tells them, each through the same
 * turn a late answer gets ({@link Dialogue#finishIfExpired}). It can run on every instance at once: a paper
 * another instance finished first is simply found closed.
 */
public final class ExpiredAttemptSweeper implements AutoCloseable {
    private final Jdbi jdbi;
    private final Dialogue dialogue;
    private final Clock clock;
    private final PeriodicJob job = new PeriodicJob("attempt-sweeper");

    public ExpiredAttemptSweeper(Jdbi jdbi, Dialogue dialogue, Clock clock) {
        this.jdbi = jdbi;
        this.dialogue = dialogue;
        this.clock = clock;
    }

    public void start(Duration every) {
        job.start(every, every, this::sweep);
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
        job.close();
    }
}
