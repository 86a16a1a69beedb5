package vn.contest.core.remind;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.contest.Contest;
import vn.contest.core.jobs.PeriodicJob;
import vn.contest.core.rules.ContestOffer;

/** Sends due reminders every minute ({@link Reminders}); every instance may run it, each reminder goes once. */
public final class ReminderJob implements AutoCloseable {
    private final Jdbi jdbi;
    private final Supplier<List<Contest>> contests;
    private final Clock clock;
    private final List<Reminders.Route> routes;
    private final PeriodicJob job = new PeriodicJob("reminders");

    public ReminderJob(Jdbi jdbi, Supplier<List<Contest>> contests, Clock clock, List<Reminders.Route> routes) {
        this.jdbi = jdbi;
        this.contests = contests;
        this.clock = clock;
        this.routes = List.copyOf(routes);
    }

    public void start(Duration every) {
        job.start(every, every, this::runOnce);
    }

    /** One round of the job: queues what is due now in every contest; returns how many messages. */
    public int runOnce() {
        int queued = 0;
        List<Contest> all = contests.get();
        boolean several = ContestOffer.severalOffered(all, clock.instant());
        for (Contest contest : all) {
            queued += Reminders.sendDue(jdbi, contest, clock.instant(), routes, several);
        }
        return queued;
    }

    @Override
    public void close() {
        job.close();
    }
}
