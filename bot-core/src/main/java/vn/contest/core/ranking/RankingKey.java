package vn.contest.core.ranking;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.config.ContestConfig.CountedAttempt;

/**
 * The contest's ranking key, defined once: score high to low, prediction closer to the actual number of
 * participants (no prediction last), shorter duration, earlier finish, then the earlier paper. The SQL
 * ({@link #orderBy}) and the Java comparison ({@link #better}) are both read off the same list of terms, as
 * is the choice of the paper that counts when a person has several in a round. Code that relies on the order
 * (the index walk in {@link TopRanking}, the index on {@code round_results}) reads it from {@link #parts}.
 */
public final class RankingKey {
    /**
     * One term of an ordering: a column of the ranked rows, its direction, the same value in Java, and whether
     * it depends on the actual number of participants (known only when ranking).
     */
    private record Term(String column, boolean descending, BiFunction<Attempt, Long, Comparable<?>> value, boolean needsActual) {
        Term(String column, boolean descending, BiFunction<Attempt, Long, Comparable<?>> value) {
            this(column, descending, value, false);
        }

        Term reversed() {
            return new Term(column, !descending, value, needsActual);
        }
    }

    /** A part of the ranking key as others may rely on it: the column and whether higher values rank first. */
    record Part(String column, boolean descending) {}

    /**
     * The distance to the actual number of participants in SQL, as the key's {@code distance} column, on
     * {@code round_results rr} with {@code :actual} bound.
     */
    static final String DISTANCE = "abs(rr.prediction - :actual) AS distance";

    private static final List<Term> BETTER = List.of(
            new Term("score", true, (a, actual) -> a.score()),
            new Term("distance", false, (a, actual) -> distance(a.prediction(), actual), true),
            new Term("duration_ms", false, (a, actual) -> a.duration().toMillis()),
            new Term("finished_at", false, (a, actual) -> a.finishedAt()),
            new Term("id", false, (a, actual) -> a.id()));

    private static final List<Term> EARLIER = List.of(
            new Term("started_at", false, (a, actual) -> a.startedAt()),
            new Term("id", false, (a, actual) -> a.id()));

    private RankingKey() {}

    /**
     * The ranking key as an SQL ORDER BY list over rows with these columns (distance by {@link #DISTANCE}),
     * each column prefixed with {@code qualifier} ("c." or "").
     */
    public static String orderBy(String qualifier) {
        return sql(BETTER, qualifier);
    }

    /** The order in which a person's papers in a round are considered: the first row is the one that counts. */
    public static String countedOrderBy(CountedAttempt policy) {
        return sql(counting(policy), "");
    }

    /**
     * The part of {@link #countedOrderBy} that is known before ranking (the terms ahead of the first one that
     * needs the actual number of participants). A person's papers first in this order are the ones that may
     * count: under "best" all those with their top score, under "first" and "last" one paper.
     */
    public static String candidatesOrderBy(CountedAttempt policy) {
        List<Term> terms = counting(policy);
        int known = 0;
        while (known < terms.size() && !terms.get(known).needsActual()) {
            known++;
        }
        return sql(terms.subList(0, known), "");
    }

    /** The ranking key's parts, the most significant first. */
    static List<Part> parts() {
        return BETTER.stream().map(t -> new Part(t.column(), t.descending())).toList();
    }

    /** Better papers first. */
    public static Comparator<Attempt> better(long actualParticipants) {
        return comparator(BETTER, actualParticipants);
    }

    /** Which of one person's finished papers in a round counts, by the contest's policy. */
    public static Optional<Attempt> counted(List<Attempt> finishedInRound, CountedAttempt policy, long actualParticipants) {
        return finishedInRound.stream().min(comparator(counting(policy), actualParticipants));
    }

    /** The distance of a prediction to the actual number of participants (null: no prediction), as {@link #DISTANCE}. */
    public static Long distance(Long prediction, long actualParticipants) {
        return prediction == null ? null : Math.abs(prediction - actualParticipants);
    }

    private static List<Term> counting(CountedAttempt policy) {
        return switch (policy) {
            case BEST -> BETTER;
            case FIRST -> EARLIER;
            case LAST -> EARLIER.stream().map(Term::reversed).toList();
        };
    }

    private static String sql(List<Term> terms, String qualifier) {
        return terms.stream().map(t -> qualifier + t.column() + (t.descending() ? " DESC" : " ASC") + " NULLS LAST")
                .collect(Collectors.joining(", "));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Attempt> comparator(List<Term> terms, long actual) {
        Comparator<Attempt> result = (a, b) -> 0;
        for (Term t : terms) {
            Comparator<Comparable> direction = t.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
            result = result.thenComparing(a -> (Comparable) t.value().apply(a, actual), Comparator.nullsLast(direction));
        }
        return result;
    }
}
