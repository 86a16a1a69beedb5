package vn.contest.core.ranking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.GroupConfig;
import vn.contest.core.rules.Eligibility;

/**
 * Rankings computed by PostgreSQL, so they stay cheap with hundreds of thousands of papers: each person's
 * counted paper by the contest's policy (DISTINCT ON), then ordered by the ranking key ({@link RankingKey}).
 * Only people who may rank ({@link Eligibility}) are in it.
 */
public final class RankingQuery {
    private RankingQuery() {}

    /**
     * The "actual participants" the prediction is judged against: people who could win ({@link
     * Eligibility#COULD_WIN}) with a finished paper in the round, so fake or disputed entries do not move it.
     */
    public static long actualParticipants(Handle h, ContestConfig config, long roundId) {
        return new Eligibility(config).bind(h.createQuery("""
                SELECT count(DISTINCT a.participant_id) FROM attempts a JOIN participants p ON p.id = a.participant_id
                WHERE a.round_id = :r AND a.status = 'finished' AND <couldWin>""")
                .define("couldWin", Eligibility.COULD_WIN)
                .bind("r", roundId)).mapTo(Long.class).one();
    }

    /** A round's ranking in every group of the contest, in the contest's group order. */
    public static Map<GroupConfig, List<RankedEntry>> byGroup(Handle h, ContestConfig config, long roundId) {
        long actual = actualParticipants(h, config, roundId);
        Map<GroupConfig, List<RankedEntry>> rankings = new LinkedHashMap<>();
        for (GroupConfig g : config.groups()) {
            rankings.put(g, ranking(h, config, roundId, g.code(), actual));
        }
        return rankings;
    }

    public static List<RankedEntry> ranking(Handle h, ContestConfig config, long roundId, int group, long actualParticipants) {
        return new Eligibility(config).bind(h.createQuery("""
                WITH candidates AS (
                    SELECT a.id, a.participant_id, a.score, a.question_count, a.prediction, a.duration_ms,
                           a.finished_at, a.started_at, abs(a.prediction - :actual) AS distance
                    FROM attempts a JOIN participants p ON p.id = a.participant_id
                    WHERE a.round_id = :round AND a.group_no = :group AND a.status = 'finished' AND <mayRank>
                ), counted AS (
                    SELECT DISTINCT ON (participant_id) * FROM candidates
                    ORDER BY participant_id, <counted>
                )
                SELECT row_number() OVER (ORDER BY <key>) AS rank, c.*, p.full_name, p.unit_id, p.phone_verified_via, p.disputed_at IS NOT NULL AS disputed,
                       (<couldWin>) AS could_win
                FROM counted c JOIN participants p ON p.id = c.participant_id
                ORDER BY rank""")
                .define("mayRank", Eligibility.MAY_RANK).define("couldWin", Eligibility.COULD_WIN)
                .define("counted", RankingKey.countedOrderBy(config.attempts().counted()))
                .define("key", RankingKey.orderBy("c."))
                .bind("actual", actualParticipants).bind("round", roundId).bind("group", group))
                .map((rs, ctx) -> new RankedEntry(rs.getInt("rank"), rs.getLong("participant_id"), rs.getString("full_name"),
                        rs.getLong("unit_id"), rs.getLong("id"), rs.getInt("score"), rs.getInt("question_count"),
                        (Long) rs.getObject("prediction"), (Long) rs.getObject("distance"), rs.getLong("duration_ms"),
                        rs.getTimestamp("finished_at").toInstant(), rs.getString("phone_verified_via"), rs.getBoolean("disputed"), rs.getBoolean("could_win")))
                .list();
    }
}
