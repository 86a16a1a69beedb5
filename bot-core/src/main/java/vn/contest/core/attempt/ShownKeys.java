package vn.contest.core.attempt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * The questions whose key has been shown: every question drawn in a round that has closed (its papers end
 * when it does). Recorded once per round, the first time a draw finds it closed, so a draw does not scan
 * the papers.
 */
public final class ShownKeys {
    private ShownKeys() {}

    /** Records the questions of every round closed by {@code now} that is not recorded yet: one statement, whatever the rounds. */
    public static void record(Handle h, Contest contest, Instant now) {
        h.createUpdate("""
                WITH newly AS (
                    UPDATE rounds SET keys_recorded = true
                    WHERE contest_id = :c AND closes_at <= :now AND NOT keys_recorded RETURNING id)
                INSERT INTO shown_keys (question_id, round_id)
                SELECT DISTINCT aq.question_id, a.round_id FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
                WHERE a.round_id IN (SELECT id FROM newly) ON CONFLICT DO NOTHING""")
                .bind("c", contest.id()).bind("now", now.atOffset(ZoneOffset.UTC)).execute();
    }

    /**
     * For each round that has not closed: how many active questions a paper there could still draw, once
     * every round closing before it has shown its keys (questions drawn so far in those rounds count as shown).
     */
    public static Map<Round, Long> undrawnLeft(Handle h, Contest contest, Instant now) {
        Map<Round, Long> left = new LinkedHashMap<>();
        for (Round r : contest.rounds()) {
            if (r.isClosed(now)) {
                continue;
            }
            left.put(r, h.createQuery("""
                    SELECT count(*) FROM questions q
                    WHERE q.contest_id = :c AND q.active AND q.purpose = 'contest' AND (q.round_code IS NULL OR q.round_code = :code)
                      AND NOT EXISTS (SELECT 1 FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
                                      JOIN rounds earlier ON earlier.id = a.round_id
                                      WHERE aq.question_id = q.id AND earlier.closes_at <= :opens)""")
                    .bind("c", contest.id()).bind("code", r.code()).bind("opens", r.opensAt().atOffset(ZoneOffset.UTC))
                    .mapTo(Long.class).one());
        }
        return left;
    }
}
