package vn.contest.core.ranking;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.rules.Eligibility;

/**
 * Whole rankings, computed by PostgreSQL from each person's candidate papers ({@link RoundResults}): the counted
 * one by the contest's policy (DISTINCT ON), then ordered by the ranking key ({@link RankingKey}). Only people
 * who may rank ({@link Eligibility}) are in it. The head of a ranking is cheaper from {@link TopRanking}.
 */
public final class RankingQuery {
    /** The columns of a ranking line besides the paper's ({@code c.*}), on {@code participants p}. */
    static final String PERSON_COLUMNS = "p.full_name, p.unit_id, p.phone_verified_via, p.disputed_at IS NOT NULL AS disputed, ("
            + Eligibility.COULD_WIN + ") AS could_win";

    /** A ranking line from the paper's columns, {@link #PERSON_COLUMNS} and {@code rank}. */
    static final RowMapper<RankedEntry> ENTRY = (rs, ctx) -> new RankedEntry(rs.getInt("rank"), rs.getLong("participant_id"),
            rs.getString("full_name"), rs.getLong("unit_id"), rs.getLong("id"), rs.getInt("score"), rs.getInt("question_count"),
            (Long) rs.getObject("prediction"), (Long) rs.getObject("distance"), rs.getLong("duration_ms"),
            rs.getTimestamp("finished_at").toInstant(), rs.getString("phone_verified_via"), rs.getBoolean("disputed"),
            rs.getBoolean("could_win"));

    private RankingQuery() {}

    /**
     * The "actual participants" the prediction is judged against: people who could win ({@link
     * Eligibility#COULD_WIN}) with a finished paper in the round, so fake or disputed entries do not move it.
     */
    public static long actualParticipants(Handle h, ContestConfig config, long roundId) {
        return new Eligibility(config).bind(h.createQuery("""
                SELECT count(*) FROM participants p
                WHERE EXISTS (SELECT 1 FROM round_results rr WHERE rr.round_id = :r AND rr.participant_id = p.id) AND <couldWin>""")
                .define("couldWin", Eligibility.COULD_WIN)
                .bind("r", roundId)).mapTo(Long.class).one();
    }

    /**
     * The whole ranking line by line, best first, without holding it in memory (for the export). PostgreSQL's
     * driver reads in batches only inside a transaction: call it in one.
     */
    public static void stream(Handle h, ContestConfig config, long roundId, int group, long actualParticipants,
                              Consumer<RankedEntry> line) {
        try (var lines = query(h, config, roundId, group, actualParticipants).setFetchSize(1000).map(ENTRY).stream()) {
            lines.forEach(line);
        }
    }

    private static Query query(Handle h, ContestConfig config, long roundId, int group, long actualParticipants) {
        return new Eligibility(config).bind(h.createQuery("""
                WITH candidates AS (
                    SELECT rr.attempt_id AS id, rr.participant_id, rr.score, rr.question_count, rr.prediction, rr.duration_ms,
                           rr.finished_at, rr.started_at, <distance>
                    FROM round_results rr JOIN participants p ON p.id = rr.participant_id
                    WHERE rr.round_id = :round AND rr.group_no = :group AND <mayRank>
                ), counted AS (
                    SELECT DISTINCT ON (participant_id) * FROM candidates
                    ORDER BY participant_id, <counted>
                )
                SELECT row_number() OVER (ORDER BY <key>) AS rank, c.*, <person>
                FROM counted c JOIN participants p ON p.id = c.participant_id
                ORDER BY rank""")
                .define("person", PERSON_COLUMNS)
                .define("mayRank", Eligibility.MAY_RANK)
                .define("distance", RankingKey.DISTANCE)
                .define("counted", RankingKey.countedOrderBy(config.attempts().counted()))
                .define("key", RankingKey.orderBy("c."))
                .bind("actual", actualParticipants).bind("round", roundId).bind("group", group));
    }
}
