package vn.contest.core.outbox;

import java.time.Duration;

/** Delay before the next delivery try: 2, 4, 8 ... seconds, at most ten minutes; given up after {@link #MAX_TRIES}. */
final class Backoff {
    static final int MAX_TRIES = 12;
    private static final Duration CAP = Duration.ofMinutes(10);

    private Backoff() {}

    static Duration after(int tries) {
        long seconds = 1L << Math.min(Math.max(tries, 1), 20);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(CAP) > 0 ? CAP : d;
    }
}
