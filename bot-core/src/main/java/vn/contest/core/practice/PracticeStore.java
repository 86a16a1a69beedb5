package vn.contest.core.practice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import vn.contest.core.attempt.DrawnQuestion;
import vn.contest.core.attempt.Paper;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.attempt.ShownKeys;
import vn.contest.core.contest.Contest;
import vn.contest.core.rules.PracticePool;

/**
 * Practice sets ("Luyện tập"), in their own table: rankings, attempt caps, participation figures and the
 * tie-break read attempts only, so nothing here can count. One open set per chat, under the chat's lock.
 */
public final class PracticeStore {
    private PracticeStore() {}

    /** The questions a practice set may draw now ({@link PracticePool}), in random order, at most {@code size}. */
    public static List<Long> draw(Handle h, Contest contest, Instant now, int size, Random random) {
        PracticePool pool = PracticePool.at(contest, now);
        if (pool == PracticePool.WITH_SHOWN_KEYS) {
            ShownKeys.record(h, contest, now);
        }
        List<Long> ids = new ArrayList<>(h.createQuery("""
                SELECT q.id FROM questions q
                WHERE q.contest_id = :c AND q.active
                  AND (q.purpose = 'practice' OR :pool = 'WHOLE_BANK'
                       OR (:pool = 'WITH_SHOWN_KEYS' AND EXISTS (SELECT 1 FROM shown_keys k WHERE k.question_id = q.id)))""")
                .bind("c", contest.id()).bind("pool", pool.name()).mapTo(Long.class).list());
        Collections.shuffle(ids, random);
        return ids.subList(0, Math.min(size, ids.size()));
    }

    /** Starts a set of these questions in the chat (ending one still open there); returns its id. */
    public static long start(Handle h, long contestId, long chatAccountId, long participantId, List<Long> questionIds, Instant now) {
        h.execute("UPDATE practice_sets SET finished_at = ? WHERE chat_account_id = ? AND finished_at IS NULL",
                now.atOffset(ZoneOffset.UTC), chatAccountId);
        return h.createQuery("""
                INSERT INTO practice_sets (contest_id, chat_account_id, participant_id, question_ids, started_at)
                VALUES (:c, :chat, :p, :q, :now) RETURNING id""")
                .bind("c", contestId).bind("chat", chatAccountId).bind("p", participantId)
                .bind("q", questionIds.toArray(new Long[0])).bind("now", now.atOffset(ZoneOffset.UTC)).mapTo(Long.class).one();
    }

    /** The chat's open set, if any, on its current question (the turn holds the chat's lock, so nobody else moves it). */
    public static Optional<Paper> open(Handle h, long chatAccountId) {
        record Row(long id, List<Long> questionIds, int position, int correct) {}
        Optional<Row> row = h.createQuery("SELECT id, question_ids, position, correct FROM practice_sets WHERE chat_account_id = :chat AND finished_at IS NULL")
                .bind("chat", chatAccountId)
                .map((rs, ctx) -> new Row(rs.getLong("id"), Arrays.asList((Long[]) rs.getArray("question_ids").getArray()),
                        rs.getInt("position"), rs.getInt("correct")))
                .findOne();
        return row.map(r -> {
            long questionId = r.questionIds().get(r.position());
            DrawnQuestion q = PaperDrawer.load(h, List.of(questionId)).get(questionId);
            return Paper.practice(r.id(), r.questionIds().size(), r.position(), r.correct(),
                    new PaperQuestion(r.position(), questionId, q.text(), q.options(), q.correctIndex(), q.explanation(), null));
        });
    }

    /** Stores what the set decided about an answer ({@link Paper#answer}); the set finishes with its last one. */
    public static void answered(Handle h, Paper set, Paper.Recorded r, Instant now) {
        h.createUpdate("""
                UPDATE practice_sets SET position = :pos, correct = correct + :gain,
                    finished_at = CASE WHEN :done THEN CAST(:now AS timestamptz) END
                WHERE id = :id""")
                .bind("pos", r.nextPosition()).bind("gain", r.gain()).bind("done", r.nextStage() == Paper.Stage.FINISHED)
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("id", set.id()).execute();
    }

    /** Ends every open set of the person, in any chat: a timed paper has started. */
    public static void stopAllOf(Handle h, long participantId, Instant now) {
        h.execute("UPDATE practice_sets SET finished_at = ? WHERE participant_id = ? AND finished_at IS NULL",
                now.atOffset(ZoneOffset.UTC), participantId);
    }

    /** Stops the chat's open set where it stands. */
    public static void stop(Handle h, long chatAccountId, Instant now) {
        h.execute("UPDATE practice_sets SET finished_at = ? WHERE chat_account_id = ? AND finished_at IS NULL",
                now.atOffset(ZoneOffset.UTC), chatAccountId);
    }
}
