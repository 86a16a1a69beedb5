package vn.contest.core.ranking;

import org.jdbi.v3.core.Handle;
import vn.contest.core.config.ContestConfig.CountedAttempt;

/**
 * The table {@code round_results}: per round and person, the finished papers that may count by the contest's
 * policy ({@link RankingKey#candidatesOrderBy}), kept as papers finish, so that the head of a ranking is an
 * index range scan ({@link TopRanking}) at any number of papers.
 *
 * <p>A paper's finish and a rebuild run the same statements, one scoped to a person's round, the other to the
 * whole contest; a rebuild happens when the counting policy changes and once after the table is created.
 */
public final class RoundResults {
    private static final String DROP = "DELETE FROM round_results rr USING attempts a WHERE a.id = rr.attempt_id AND <scope>";

    private static final String KEEP = """
            INSERT INTO round_results (round_id, participant_id, attempt_id, group_no, score, question_count, prediction,
                                       duration_ms, started_at, finished_at)
            SELECT round_id, participant_id, id, group_no, score, question_count, prediction, duration_ms, started_at, finished_at
            FROM (SELECT a.*, rank() OVER (PARTITION BY a.round_id, a.participant_id ORDER BY <candidates>) AS k
                  FROM attempts a WHERE a.status = 'finished' AND <scope>) x
            WHERE k = 1""";

    private RoundResults() {}

    /**
     * After a paper closed (same transaction, under its chat's lock): its person's candidates in its round, by the
     * policy the table was built for ({@code policy}, the caller's, only when it was never built): another instance
     * may not have read a policy just changed yet.
     */
    public static void record(Handle h, CountedAttempt policy, long roundId, long participantId) {
        String scope = "a.round_id = :r AND a.participant_id = :p";
        h.createUpdate(DROP).define("scope", scope).bind("r", roundId).bind("p", participantId).execute();
        // Read after the first write: a rebuild for a new policy holds the table until it commits, so this sees its policy.
        CountedAttempt builtFor = h.createQuery("""
                SELECT c.results_counted FROM contests c JOIN rounds r ON r.contest_id = c.id WHERE r.id = :r""")
                .bind("r", roundId).mapTo(String.class).findOne().map(CountedAttempt::valueOf).orElse(policy);
        h.createUpdate(KEEP).define("scope", scope).define("candidates", RankingKey.candidatesOrderBy(builtFor))
                .bind("r", roundId).bind("p", participantId).execute();
    }

    /**
     * Builds the table afresh when it was built for another policy than the one stored now (or never); true if it
     * did. The policy is read from the stored rules under the contest row's lock, not taken from a caller: the
     * file read at start may be older than the committee's edit, and two edits may race.
     */
    public static boolean ensureBuilt(Handle h, long contestId) {
        String[] policies = h.createQuery("""
                SELECT config->'attempts'->>'counted' AS wanted, results_counted AS built FROM contests WHERE id = :c FOR UPDATE""")
                .bind("c", contestId).map((rs, ctx) -> new String[] {rs.getString("wanted"), rs.getString("built")}).one();
        CountedAttempt wanted = CountedAttempt.named(policies[0]);
        if (wanted.name().equals(policies[1])) {
            return false;
        }
        rebuild(h, contestId, wanted);
        return true;
    }

    /** Every round of the contest from its papers (also after papers were written straight in SQL, as a generator does). */
    public static void rebuild(Handle h, long contestId, CountedAttempt policy) {
        // Papers finishing meanwhile wait for the rebuild, then record themselves against the rebuilt table.
        h.execute("LOCK TABLE round_results IN SHARE ROW EXCLUSIVE MODE");
        h.createUpdate("DELETE FROM round_results rr USING rounds r WHERE r.id = rr.round_id AND r.contest_id = :c")
                .bind("c", contestId).execute();
        h.createUpdate(KEEP).define("scope", "a.contest_id = :c").define("candidates", RankingKey.candidatesOrderBy(policy))
                .bind("c", contestId).execute();
        h.createUpdate("UPDATE contests SET results_counted = :p WHERE id = :c").bind("p", policy.name()).bind("c", contestId).execute();
    }
}
