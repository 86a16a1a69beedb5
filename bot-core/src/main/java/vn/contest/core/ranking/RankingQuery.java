package vn.contest.core.ranking;

import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.contest.core.config.ContestConfig;

/**
 * Rankings computed by PostgreSQL, so they stay cheap with hundreds of thousands of papers: each person's
 * counted paper by the contest's policy (DISTINCT ON), then ordered by the ranking key. Disqualified people
 * and anyone on the committee's exclusion list are left out.
 */
public final class RankingQuery {
    private RankingQuery() {}

    /** The "actual participants" the prediction is judged against: people with a finished paper in the round. */
    public static long actualParticipants(Handle h, long roundId) {
        return h.createQuery("""
                SELECT count(DISTINCT a.participant_id) FROM attempts a JOIN participants p ON p.id = a.participant_id
                WHERE a.round_id = :r AND a.status = 'finished' AND p.disqualified_at IS NULL""")
                .bind("r", roundId).mapTo(Long.class).one();
    }

    public static List<RankedEntry> ranking(Handle h, ContestConfig config, long roundId, int group, long actualParticipants) {
        String counted = switch (config.attempts().counted()) {
            case BEST -> "score DESC, distance ASC NULLS LAST, duration_ms ASC, finished_at ASC, id ASC";
            case FIRST -> "started_at ASC, id ASC";
            case LAST -> "started_at DESC, id DESC";
        };
        return h.createQuery("""
                WITH candidates AS (
                    SELECT a.id, a.participant_id, a.score, a.question_count, a.prediction, a.duration_ms,
                           a.finished_at, a.started_at, abs(a.prediction - :actual) AS distance
                    FROM attempts a JOIN participants p ON p.id = a.participant_id
                    WHERE a.round_id = :round AND a.group_no = :group AND a.status = 'finished'
                      AND p.disqualified_at IS NULL
                      AND p.phone <> ALL(:excludedPhones)
                      AND (p.id_number IS NULL OR p.id_number <> ALL(:excludedIds))
                ), counted AS (
                    SELECT DISTINCT ON (participant_id) * FROM candidates
                    ORDER BY participant_id, <counted>
                )
                SELECT row_number() OVER w AS rank, c.*, p.full_name, p.unit_id
                FROM counted c JOIN participants p ON p.id = c.participant_id
                WINDOW w AS (ORDER BY c.score DESC, c.distance ASC NULLS LAST, c.duration_ms ASC, c.finished_at ASC, c.id ASC)
                ORDER BY rank""")
                .define("counted", counted)
                .bind("actual", actualParticipants).bind("round", roundId).bind("group", group)
                .bind("excludedPhones", config.exclusions().phones().toArray(new String[0]))
                .bind("excludedIds", config.exclusions().idNumbers().toArray(new String[0]))
                .map((rs, ctx) -> new RankedEntry(rs.getInt("rank"), rs.getLong("participant_id"), rs.getString("full_name"),
                        rs.getLong("unit_id"), rs.getLong("id"), rs.getInt("score"), rs.getInt("question_count"),
                        (Long) rs.getObject("prediction"), (Long) rs.getObject("distance"), rs.getLong("duration_ms"),
                        rs.getTimestamp("finished_at").toInstant()))
                .list();
    }
}
