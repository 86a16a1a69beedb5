package vn.contest.core.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.text.Redaction;

/**
 * A background task run on its own daemon thread with a fixed delay between rounds. A round that fails is
 * logged (redacted) and the next round tries again: the schedule never dies of one bad round.
 */
public final class PeriodicJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final ScheduledExecutorService executor;

    public PeriodicJob(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void start(Duration firstDelay, Duration every, Runnable round) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.warn("{} failed, will retry: {}", name, Redaction.redact(e.toString()));
            }
        }, firstDelay.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
