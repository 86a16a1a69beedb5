package vn.contest.core.contest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Every contest this deployment serves, each as it stands now ({@link LiveContest}): the province's one OA,
 * bot and address carry them all. A contest the committee adds on another instance is picked up within
 * seconds. Which of them a chat is offered is {@code rules/ContestOffer}'s to say.
 */
public final class Contests {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<Long, LiveContest> live = new ConcurrentHashMap<>();
    private volatile Instant checkedAt;

    public Contests(Jdbi jdbi, List<Contest> installed, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        installed.forEach(c -> live.put(c.id(), new LiveContest(jdbi, c, clock)));
        this.checkedAt = Instant.MIN;
    }

    /** Every contest, the earliest opening first. */
    public List<Contest> all() {
        pickUpNew();
        // A loop, not a stream: every message asks.
        List<Contest> all = new ArrayList<>(live.size());
        for (LiveContest c : live.values()) {
            all.add(c.get());
        }
        all.sort(Contest.EARLIEST_FIRST);
        return Collections.unmodifiableList(all);
    }

    public Optional<Contest> byId(long id) {
        LiveContest c = live.get(id);
        if (c == null) {
            checkedAt = Instant.MIN; // a contest another instance just installed
            pickUpNew();
            c = live.get(id);
        }
        return Optional.ofNullable(c).map(LiveContest::get);
    }

    public Optional<Contest> byCode(String code) {
        return all().stream().filter(c -> c.config().code().equalsIgnoreCase(code)).findFirst();
    }

    /** The contest as it changes (the committee's edits), for those that keep one. */
    public LiveContest live(long id) {
        byId(id).orElseThrow(() -> new IllegalArgumentException("no contest " + id));
        return live.get(id);
    }

    /** Adds a contest installed on this instance (the admin web's upload) at once. */
    public void add(Contest contest) {
        live.putIfAbsent(contest.id(), new LiveContest(jdbi, contest, clock));
    }

    /** Another instance may have installed a contest: looks at most every few seconds. */
    private void pickUpNew() {
        Instant now = clock.instant();
        if (!checkedAt.equals(Instant.MIN) && Duration.between(checkedAt, now).compareTo(LiveContest.CHECK_EVERY) < 0) {
            return;
        }
        checkedAt = now;
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM contests").mapTo(Long.class).list());
        for (long id : ids) {
            live.computeIfAbsent(id, missing -> new LiveContest(jdbi, ContestStore.load(jdbi, missing), clock));
        }
    }
}
