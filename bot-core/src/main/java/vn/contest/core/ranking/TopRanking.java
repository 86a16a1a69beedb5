package vn.contest.core.ranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.rules.Eligibility;

/**
 * The head of a round's ranking in one group (the first {@code limit} lines, exactly as in {@link RankingQuery}),
 * read through the index on {@code round_results} instead of ranking everyone: score level by score level from
 * the top, and within a level only the predictions nearest the actual number. The distance to that number is
 * known only now, so it cannot be indexed; but the nearest {@code n} predictions are the {@code n} just above
 * and the {@code n} just below it, two short index scans. Every row as near as the {@code n}-th is then read
 * (ties included) and ordered by the whole key; when ineligible people or someone's second paper leave too few
 * lines, {@code n} grows and the level is read again. Each level is its own statement: for a head that holds
 * together while papers finish (a paper moving between levels), call it in one REPEATABLE READ transaction.
 *
 * <p>The walk holds only while the ranking key starts with the parts it walks ({@link #WALK}), and the index
 * serves them ({@link #INDEX}); TopRankingWalkTest checks both against {@link RankingKey#parts} and the migration.
 */
public final class TopRanking {
    private static final int FIRST_WINDOW = 64;

    /** A part of the ranking key the walk follows, and the indexed column it reads it through. */
    record Walked(RankingKey.Part part, String indexColumn) {}

    /** Score levels from the top, then the nearest predictions: a distance is two ranges of predictions. */
    static final List<Walked> WALK = List.of(new Walked(new RankingKey.Part("score", true), "score"),
            new Walked(new RankingKey.Part("distance", false), "prediction"));

    /** The columns of the index the walk reads ({@code round_results_key}): one round and group, then the walk's. */
    static final List<String> INDEX = Stream.concat(Stream.of("round_id", "group_no"), WALK.stream().map(Walked::indexColumn)).toList();

    private TopRanking() {}

    public static List<RankedEntry> top(Handle h, ContestConfig config, long roundId, int group, long actual, int limit) {
        return top(h, config, roundId, group, actual, limit, Math.max(FIRST_WINDOW, 2 * limit));
    }

    /** The head, a level's nearest predictions first read {@code firstWindow} on each side. */
    static List<RankedEntry> top(Handle h, ContestConfig config, long roundId, int group, long actual, int limit, int firstWindow) {
        List<RankedEntry> top = new ArrayList<>();
        Integer score = scoreBelow(h, roundId, group, Integer.MAX_VALUE);
        while (score != null && top.size() < limit) {
            int needed = limit - top.size();
            for (long window = firstWindow; ; window *= 4) {
                Long reach = reach(h, roundId, group, score, actual, window);
                List<RankedEntry> lines = level(h, config, roundId, group, score, actual, reach, top.size(), needed);
                if (lines.size() == needed || reach == null) {
                    top.addAll(lines);
                    break;
                }
            }
            score = scoreBelow(h, roundId, group, score);
        }
        return top;
    }

    private static Integer scoreBelow(Handle h, long roundId, int group, int below) {
        return h.createQuery("SELECT max(score) FROM round_results WHERE round_id = :r AND group_no = :g AND score < :below")
                .bind("r", roundId).bind("g", group).bind("below", below).mapTo(Integer.class).one();
    }

    /**
     * The distance of the {@code n}-th nearest prediction at this score level, or null when the level holds
     * fewer than {@code n} predictions (then it is read whole, papers without a prediction last).
     */
    private static Long reach(Handle h, long roundId, int group, int score, long actual, long n) {
        List<Long> distances = h.createQuery("""
                (SELECT prediction FROM round_results WHERE round_id = :r AND group_no = :g AND score = :s AND prediction >= :actual
                 ORDER BY prediction LIMIT :n)
                UNION ALL
                (SELECT prediction FROM round_results WHERE round_id = :r AND group_no = :g AND score = :s AND prediction < :actual
                 ORDER BY prediction DESC LIMIT :n)""")
                .bind("r", roundId).bind("g", group).bind("s", score).bind("actual", actual).bind("n", n)
                .mapTo(Long.class).stream().map(p -> RankingKey.distance(p, actual)).sorted().toList();
        return distances.size() < n ? null : distances.get((int) n - 1);
    }

    /** Up to {@code needed} lines of the level, from the rows within {@code reach} (all rows when null). */
    private static List<RankedEntry> level(Handle h, ContestConfig config, long roundId, int group, int score, long actual, Long reach,
                                           int ranked, int needed) {
        List<RankedEntry> lines = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        var query = new Eligibility(config).bind(h.createQuery("""
                SELECT 0 AS rank, c.*, <person>, (<mayRank>) AS may_rank
                FROM (SELECT rr.attempt_id AS id, rr.participant_id, rr.score, rr.question_count, rr.prediction, rr.duration_ms,
                             rr.finished_at, <distance>
                      FROM round_results rr
                      WHERE rr.round_id = :r AND rr.group_no = :g AND rr.score = :s AND <near>) c
                JOIN participants p ON p.id = c.participant_id
                ORDER BY <key>""")
                .define("person", RankingQuery.PERSON_COLUMNS).define("mayRank", Eligibility.MAY_RANK)
                .define("distance", RankingKey.DISTANCE)
                .define("near", reach == null ? "TRUE" : "rr.prediction BETWEEN :actual - :reach AND :actual + :reach")
                .define("key", RankingKey.orderBy("c."))
                .bind("r", roundId).bind("g", group).bind("s", score).bind("actual", actual));
        if (reach != null) {
            query.bind("reach", reach);
        }
        // Rows of people who may not rank map to null. A person's first row is their counted paper: ranking order is
        // the "best" policy's order, and the other policies keep one paper a person.
        try (var rows = query.map((rs, ctx) -> rs.getBoolean("may_rank") ? RankingQuery.ENTRY.map(rs, ctx) : null).stream()) {
            rows.takeWhile(e -> lines.size() < needed).forEach(e -> {
                if (e != null && seen.add(e.participantId())) {
                    lines.add(withRank(e, ranked + lines.size() + 1));
                }
            });
        }
        return lines;
    }

    private static RankedEntry withRank(RankedEntry e, int rank) {
        return new RankedEntry(rank, e.participantId(), e.fullName(), e.unitId(), e.attemptId(), e.score(), e.questionCount(),
                e.prediction(), e.predictionDistance(), e.durationMs(), e.finishedAt(), e.phoneVerifiedVia(), e.disputed(), e.couldWin());
    }
}
