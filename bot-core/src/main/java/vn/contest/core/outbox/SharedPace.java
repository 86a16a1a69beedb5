package vn.contest.core.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The send pace every instance shares: a token bucket per channel in PostgreSQL ({@code send_pace}), so a
 * platform's global limit holds for all the instances together. The bucket refills at the channel's rate and
 * holds {@link #BURST} of it (at least one message); an instance takes a few tokens at a time ({@link #GRANT}'s
 * worth, at least one) in one short statement and spends them before it asks again. Tokens taken in any stretch
 * of time are at most rate × stretch + burst, so over any second the instances send at most rate + burst, plus
 * the unspent part of a grant each one holds (none below 100 messages a second, where a grant is one token).
 * Thread-safe: every sending thread of an instance spends the same grants.
 */
public final class SharedPace {
    /** How much of a second's messages the bucket holds: a quiet moment's savings may go out at once, no more. */
    static final Duration BURST = Duration.ofMillis(100);
    /** How much of a second's messages an instance takes in one statement. */
    static final Duration GRANT = Duration.ofMillis(20);

    // One statement: lock the channel's row, refill it by the time since it was last refilled (never above the
    // burst), take what is asked or what there is, whole tokens only. now() is the statement's start, so a wait for
    // the lock can only refill less; refilled_at never goes back.
    private static final String TAKE = """
            WITH b AS (
                SELECT channel, least(:burst, tokens + :rate * greatest(0, extract(epoch FROM now() - refilled_at))) AS have
                FROM send_pace WHERE channel = :ch
                FOR UPDATE
            )
            UPDATE send_pace p SET tokens = b.have - least(:n, floor(b.have)), refilled_at = greatest(p.refilled_at, now())
            FROM b WHERE p.channel = b.channel
            RETURNING least(:n, floor(b.have)) AS granted, p.tokens AS remaining""";
    private static final String CREATE = """
            INSERT INTO send_pace (channel, tokens, refilled_at) VALUES (:ch, :burst, now())
            ON CONFLICT (channel) DO NOTHING""";

    private final Jdbi jdbi;
    private final Map<String, Unspent> unspent = new ConcurrentHashMap<>();

    /** Tokens this instance took for a channel and has not spent yet. */
    private static final class Unspent {
        int tokens;
    }

    public SharedPace(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Asks to send one message on {@code channel}, whose limit is {@code perSecond} for all instances together.
     * Zero: send it now. Otherwise no token is free, and this is how long to wait before asking again. Throws when
     * the database does not answer; the caller then sends nothing and tries again later.
     */
    public Duration take(String channel, double perSecond) {
        Unspent held = unspent.computeIfAbsent(channel, c -> new Unspent());
        synchronized (held) {
            if (held.tokens > 0) {
                held.tokens--;
                return Duration.ZERO;
            }
            Grant g = grant(channel, grantSize(perSecond), perSecond);
            if (g.granted() == 0) {
                return g.untilNext();
            }
            held.tokens = g.granted() - 1;
            return Duration.ZERO;
        }
    }

    /** What one statement gave: whole tokens, and when none, how long until the next one is whole. */
    record Grant(int granted, Duration untilNext) {}

    /** Takes up to {@code n} tokens from the channel's bucket in one statement (two the first time a channel is paced). */
    Grant grant(String channel, int n, double perSecond) {
        double rate = Math.max(perSecond, 0.001);
        double burst = burst(rate);
        return jdbi.withHandle(h -> {
            for (int attempt = 0; ; attempt++) {
                var row = h.createQuery(TAKE).bind("ch", channel).bind("n", n).bind("rate", rate).bind("burst", burst)
                        .map((rs, ctx) -> new double[] {rs.getDouble("granted"), rs.getDouble("remaining")})
                        .findOne();
                if (row.isPresent()) {
                    int granted = (int) row.get()[0];
                    double remaining = row.get()[1];
                    long nanos = granted > 0 ? 0 : (long) Math.ceil((1 - remaining) / rate * 1e9);
                    return new Grant(granted, Duration.ofNanos(Math.max(nanos, granted > 0 ? 0 : 1_000_000)));
                }
                if (attempt > 0) {
                    throw new IllegalStateException("send_pace has no row for " + channel);
                }
                h.createUpdate(CREATE).bind("ch", channel).bind("burst", burst).execute();
            }
        });
    }

    /** The bucket's size at this rate: {@link #BURST}'s worth, at least one message. */
    public static double burst(double perSecond) {
        return Math.max(1, perSecond * BURST.toNanos() / 1e9);
    }

    /** Tokens taken in one statement at this rate: {@link #GRANT}'s worth, at least one, never more than the bucket. */
    static int grantSize(double perSecond) {
        double worth = Math.floor(perSecond * GRANT.toNanos() / 1e9);
        return (int) Math.max(1, Math.min(worth, Math.floor(burst(perSecond))));
    }
}
