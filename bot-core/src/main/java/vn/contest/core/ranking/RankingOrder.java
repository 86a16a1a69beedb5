package vn.contest.core.ranking;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.config.ContestConfig.CountedAttempt;

/**
 * The contest's ranking key, in Java: score high to low, prediction closer to the actual number of
 * participants, shorter duration, earlier finish (then the earlier paper). {@link RankingQuery} orders by the
 * same key in SQL.
 */
public final class RankingOrder {
    private RankingOrder() {}

    public static Comparator<Attempt> better(long actualParticipants) {
        return Comparator.comparingInt(Attempt::score).reversed()
                .thenComparing(a -> distance(a, actualParticipants), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(a -> a.duration().toMillis())
                .thenComparing(Attempt::finishedAt)
                .thenComparingLong(Attempt::id);
    }

    public static Long distance(Attempt a, long actualParticipants) {
        return a.prediction() == null ? null : Math.abs(a.prediction() - actualParticipants);
    }

    /** Which of one person's finished papers in a round counts, by the contest's policy. */
    public static Optional<Attempt> counted(List<Attempt> finishedInRound, CountedAttempt policy, long actualParticipants) {
        Comparator<Attempt> byStart = Comparator.comparing(Attempt::startedAt).thenComparingLong(Attempt::id);
        return switch (policy) {
            case BEST -> finishedInRound.stream().min(better(actualParticipants));
            case FIRST -> finishedInRound.stream().min(byStart);
            case LAST -> finishedInRound.stream().max(byStart);
        };
    }
}
