package vn.contest.core.contest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.config.ContestConfig;

/**
 * The contest as it stands now. The committee can change the rules in the admin web on any instance, so
 * each instance looks at the contest's row at most every few seconds and reloads it when it changed.
 */
public final class LiveContest implements Supplier<Contest> {
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Contest current;
    private volatile Instant version;
    private volatile Instant checkedAt;

    public LiveContest(Jdbi jdbi, Contest initial, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.current = initial;
        this.version = storedVersion();
        this.checkedAt = clock.instant();
    }

    @Override
    public Contest get() {
        Instant now = clock.instant();
        if (Duration.between(checkedAt, now).compareTo(CHECK_EVERY) >= 0) {
            checkedAt = now;
            Instant stored = storedVersion();
            if (!stored.equals(version)) {
                current = ContestStore.load(jdbi, current.id());
                version = stored;
            }
        }
        return current;
    }

    /** Stores new rules for the contest and uses them at once (other instances follow within seconds). */
    public Contest replace(ContestConfig config) {
        Contest updated = ContestStore.install(jdbi, config);
        current = updated;
        version = storedVersion();
        return updated;
    }

    private Instant storedVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT updated_at FROM contests WHERE id = :id").bind("id", current.id())
                .mapTo(Instant.class).one());
    }
}
