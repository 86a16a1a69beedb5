package vn.contest.core.bank;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The bank as the committee browses it: a page of questions with their item statistics, one question as
 * stored, the whole bank for export, and turning a question off or on (it stays, graded papers point at it).
 */
public final class QuestionBankQueries {
    /**
     * One question with how papers fared on it: {@code facility} is the share of papers answering it right,
     * {@code discrimination} the share right among the top 27% of papers minus the bottom 27% (null until
     * papers exist).
     */
    public record BankRow(long id, String topic, String text, List<String> options, int correct, boolean active, long papers,
                          Double facility, Double discrimination, boolean practice) {
        /** Most get it wrong (or all right), or weaker papers get it right as often as stronger ones: look again. */
        public boolean looksBroken() {
            return papers >= 20 && ((facility != null && (facility < 0.2 || facility > 0.97))
                    || (discrimination != null && discrimination < 0.1));
        }
    }

    /** A question as stored: the form to edit it and the export show this. */
    public record StoredQuestion(long id, String topicCode, String text, List<String> options, int correct, String explanation,
                                 String roundCode, boolean practice, String factGroup, String checkNotes) {}

    private static final String STORED = """
            SELECT q.id, t.code, q.text, q.explanation, q.round_code, q.purpose, q.fact_group, q.check_notes,
                   array_agg(o.text ORDER BY o.position) AS options,
                   (array_agg(o.position ORDER BY o.position) FILTER (WHERE o.correct))[1] AS correct
            FROM questions q JOIN topics t ON t.id = q.topic_id JOIN question_options o ON o.question_id = q.id
            WHERE q.contest_id = :c AND (CAST(:id AS bigint) IS NULL OR q.id = :id)
            GROUP BY q.id, t.code ORDER BY q.id""";

    private static final RowMapper<StoredQuestion> STORED_ROW = (rs, ctx) -> new StoredQuestion(rs.getLong("id"),
            rs.getString("code"), rs.getString("text"), List.of((String[]) rs.getArray("options").getArray()),
            rs.getInt("correct"), rs.getString("explanation"), rs.getString("round_code"),
            "practice".equals(rs.getString("purpose")), rs.getString("fact_group"), rs.getString("check_notes"));

    private QuestionBankQueries() {}

    public static List<BankRow> page(Handle h, long contestId, String search, String topicCode, int limit, int offset) {
        return h.createQuery("""
                WITH ranked AS (
                    SELECT id, percent_rank() OVER (ORDER BY score) AS pr FROM attempts WHERE contest_id = :c AND status = 'finished'
                ), stats AS (
                    SELECT aq.question_id, count(*) AS n,
                           avg(CASE WHEN aq.correct THEN 1.0 ELSE 0 END) AS facility,
                           avg(CASE WHEN aq.correct THEN 1.0 ELSE 0 END) FILTER (WHERE r.pr >= 0.73)
                         - avg(CASE WHEN aq.correct THEN 1.0 ELSE 0 END) FILTER (WHERE r.pr <= 0.27) AS discrimination
                    FROM attempt_questions aq JOIN ranked r ON r.id = aq.attempt_id GROUP BY aq.question_id
                )
                SELECT q.id, t.name AS topic, q.text, q.active, q.purpose,
                       array_agg(o.text ORDER BY o.position) AS options,
                       (array_agg(o.position ORDER BY o.position) FILTER (WHERE o.correct))[1] AS correct,
                       coalesce(s.n, 0) AS n, s.facility, s.discrimination
                FROM questions q JOIN topics t ON t.id = q.topic_id JOIN question_options o ON o.question_id = q.id
                LEFT JOIN stats s ON s.question_id = q.id
                WHERE q.contest_id = :c AND (:q = '' OR q.text ILIKE '%' || :q || '%') AND (:topic = '' OR t.code = :topic)
                GROUP BY q.id, t.name, s.n, s.facility, s.discrimination
                ORDER BY q.id LIMIT :limit OFFSET :offset""")
                .bind("c", contestId).bind("q", search).bind("topic", topicCode).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new BankRow(rs.getLong("id"), rs.getString("topic"), rs.getString("text"),
                        List.of((String[]) rs.getArray("options").getArray()), rs.getInt("correct"), rs.getBoolean("active"),
                        rs.getLong("n"), toDouble(rs.getObject("facility")), toDouble(rs.getObject("discrimination")),
                        "practice".equals(rs.getString("purpose"))))
                .list();
    }

    /**
     * How many active contest questions a round may draw, per topic code: those meant for any round or for this one
     * ({@code PaperDrawer.draw}'s pool, before it leaves out keys an earlier round has shown).
     */
    public static java.util.Map<String, Long> drawableByTopic(Handle h, long contestId, String roundCode) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        h.createQuery("""
                SELECT t.code, count(*) AS n FROM questions q JOIN topics t ON t.id = q.topic_id
                WHERE q.contest_id = :c AND q.active AND q.purpose = 'contest' AND (q.round_code IS NULL OR q.round_code = :round)
                GROUP BY t.code""")
                .bind("c", contestId).bind("round", roundCode)
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("code"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public static long count(Handle h, long contestId) {
        return h.createQuery("SELECT count(*) FROM questions WHERE contest_id = :c").bind("c", contestId).mapTo(Long.class).one();
    }

    public static Optional<StoredQuestion> find(Handle h, long contestId, long id) {
        return h.createQuery(STORED).bind("c", contestId).bind("id", id).map(STORED_ROW).findOne();
    }

    public static List<StoredQuestion> all(Handle h, long contestId) {
        return h.createQuery(STORED).bind("c", contestId).bind("id", (Long) null).map(STORED_ROW).list();
    }

    /** Locks a question of this contest and says whether it is drawn now; empty when there is no such question. */
    public static Optional<Boolean> lockActive(Handle h, long contestId, long id) {
        return h.createQuery("SELECT active FROM questions WHERE id = :id AND contest_id = :c FOR UPDATE")
                .bind("id", id).bind("c", contestId).mapTo(Boolean.class).findOne();
    }

    /** Whether a paper or a practice set has shown this question: its "Dùng cho" may then no longer change. */
    public static boolean shown(Handle h, long id) {
        return h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM attempt_questions WHERE question_id = :id)
                    OR EXISTS (SELECT 1 FROM practice_sets WHERE question_ids @> ARRAY[CAST(:id AS bigint)])""")
                .bind("id", id).mapTo(Boolean.class).one();
    }

    public static void setActive(Handle h, long id, boolean active) {
        h.execute("UPDATE questions SET active = ?, updated_at = now() WHERE id = ?", active, id);
    }

    private static Double toDouble(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
