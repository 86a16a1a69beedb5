package vn.contest.core.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.contest.core.rules.AttemptRules;
import vn.contest.core.rules.AttemptRules.Counts;
import vn.contest.core.store.Jdbc;

/** Papers and their questions. Callers hold the chat's lock; open papers are also locked row by row. */
public final class AttemptStore {
    private static final RowMapper<Attempt> ATTEMPT = (rs, ctx) -> attempt(rs);

    private static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(
            rs.getLong("id"), rs.getLong("participant_id"), rs.getLong("round_id"), rs.getLong("chat_account_id"),
            rs.getInt("group_no"), Attempt.Status.valueOf(rs.getString("status").toUpperCase()),
            rs.getInt("question_count"), rs.getInt("current_position"), rs.getInt("score"),
            (Long) rs.getObject("prediction"),
            rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("deadline_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
            rs.getString("finish_reason"));
    }

    private static final RowMapper<PaperQuestion> QUESTION = (rs, ctx) -> new PaperQuestion(
            rs.getInt("position"), rs.getLong("question_id"), rs.getString("text"),
            Arrays.asList((String[]) rs.getArray("options").getArray()), rs.getInt("correct_index"),
            rs.getString("explanation"), (Integer) rs.getObject("chosen_index"));

    /** A question of a paper joined to its row under {@code alias}, each column as {@code alias_column}. */
    private static String questionColumns(String alias) {
        return String.join(", ", List.of("position", "question_id", "text", "options", "correct_index", "explanation", "chosen_index")
                .stream().map(c -> alias + "." + c + " AS " + alias + "_" + c).toList());
    }

    /** The question joined as {@code alias}, or null when the join found none. */
    private static PaperQuestion question(ResultSet rs, String alias) throws SQLException {
        return rs.getObject(alias + "_position") == null ? null : new PaperQuestion(rs.getInt(alias + "_position"),
                rs.getLong(alias + "_question_id"), rs.getString(alias + "_text"),
                Arrays.asList((String[]) rs.getArray(alias + "_options").getArray()), rs.getInt(alias + "_correct_index"),
                rs.getString(alias + "_explanation"), (Integer) rs.getObject(alias + "_chosen_index"));
    }

    private AttemptStore() {}

    // Spliced once here rather than by Jdbi's template engine on every answer; every answer makes these two, in plain JDBC.
    private static final String LOCK_OPEN = "SELECT a.*, " + questionColumns("q") + ", " + questionColumns("n") + """
             FROM attempts a
            LEFT JOIN attempt_questions q ON q.attempt_id = a.id AND q.position = a.current_position
            LEFT JOIN attempt_questions n ON n.attempt_id = a.id AND n.position = a.current_position + 1
            WHERE a.participant_id = ? AND a.status <> 'finished' FOR UPDATE OF a""";

    // Returns nothing: the paper's row is locked, so the paper as it now stands is known without reading it back.
    private static final String RECORD_ANSWER = """
            WITH answered AS (
                UPDATE attempt_questions SET chosen_index = ?, correct = ?, answered_at = ?
                WHERE attempt_id = ? AND position = ? AND chosen_index IS NULL
                RETURNING attempt_id
            )
            UPDATE attempts SET current_position = ?, status = ?, score = score + ?
            WHERE id = (SELECT attempt_id FROM answered)""";

    /** Locks the person's open paper, if any, and reads it with the question it is on and the one after: one statement. */
    public static Optional<OpenPaper> lockOpen(Handle h, long participantId) {
        Optional<OpenPaper> open = readLocked(h, participantId);
        if (open.isPresent() && open.get().attempt().status() == Attempt.Status.ANSWERING && open.get().current() == null) {
            // Another chat of the person moved the paper on while this waited for its lock: PostgreSQL then re-checks
            // the locked row but not the questions joined to it. Held now, the paper reads as it stands.
            open = readLocked(h, participantId);
        }
        return open;
    }

    private static Optional<OpenPaper> readLocked(Handle h, long participantId) {
        return Jdbc.first(h, LOCK_OPEN, st -> st.setLong(1, participantId),
                rs -> new OpenPaper(attempt(rs), question(rs, "q"), question(rs, "n")));
    }

    public static Optional<Attempt> find(Handle h, long attemptId) {
        return h.createQuery("SELECT * FROM attempts WHERE id = :id").bind("id", attemptId).map(ATTEMPT).findOne();
    }

    /** Creates a paper with its drawn questions, and returns it as it stands: open, on its first question. */
    public static OpenPaper create(Handle h, long contestId, long participantId, long roundId, long chatAccountId, int group,
                              List<DrawnQuestion> paper, Instant startedAt, Instant deadlineAt) {
        long id = h.createQuery("""
                INSERT INTO attempts (contest_id, participant_id, round_id, chat_account_id, group_no, status,
                                      question_count, started_at, deadline_at)
                VALUES (:c, :p, :r, :chat, :g, 'answering', :n, :start, :deadline) RETURNING id""")
                .bind("c", contestId).bind("p", participantId).bind("r", roundId).bind("chat", chatAccountId)
                .bind("g", group).bind("n", paper.size())
                .bind("start", startedAt.atOffset(ZoneOffset.UTC)).bind("deadline", deadlineAt.atOffset(ZoneOffset.UTC))
                .mapTo(Long.class).one();
        var batch = h.prepareBatch("""
                INSERT INTO attempt_questions (attempt_id, position, question_id, text, options, correct_index, explanation)
                VALUES (:a, :pos, :q, :text, :options, :correct, :explanation)""");
        for (int i = 0; i < paper.size(); i++) {
            DrawnQuestion d = paper.get(i);
            batch.bind("a", id).bind("pos", i).bind("q", d.questionId()).bind("text", d.text())
                    .bind("options", d.options().toArray(new String[0])).bind("correct", d.correctIndex())
                    .bind("explanation", d.explanation()).add();
        }
        batch.execute();
        return new OpenPaper(new Attempt(id, participantId, roundId, chatAccountId, group, Attempt.Status.ANSWERING, paper.size(), 0, 0,
                null, startedAt, deadlineAt, null, null), asked(paper, 0), paper.size() > 1 ? asked(paper, 1) : null);
    }

    private static PaperQuestion asked(List<DrawnQuestion> paper, int position) {
        DrawnQuestion d = paper.get(position);
        return new PaperQuestion(position, d.questionId(), d.text(), d.options(), d.correctIndex(), d.explanation(), null);
    }

    public static List<PaperQuestion> questions(Handle h, long attemptId) {
        return h.createQuery("SELECT * FROM attempt_questions WHERE attempt_id = :a ORDER BY position")
                .bind("a", attemptId).map(QUESTION).list();
    }

    /**
     * Stores what the paper decided about an answer ({@link Paper#answer}): the option, its mark, the score and
     * where the paper goes next, in one statement; returns the paper as it now stands, on the question that was
     * read after the answered one (its own next is not read: a turn records one answer).
     */
    public static OpenPaper recordAnswer(Handle h, OpenPaper open, Paper.Recorded r, Instant now) {
        Attempt a = open.attempt();
        int position = r.question().position();
        int moved = Jdbc.update(h, RECORD_ANSWER, st -> {
            st.setInt(1, r.chosenIndex());
            st.setBoolean(2, r.correct());
            st.setObject(3, now.atOffset(ZoneOffset.UTC));
            st.setLong(4, a.id());
            st.setInt(5, position);
            st.setInt(6, r.nextPosition());
            st.setString(7, status(r.nextStage()));
            st.setInt(8, r.gain());
        });
        if (moved != 1) {
            throw new IllegalStateException("question " + position + " of attempt " + a.id() + " was already answered");
        }
        Attempt after = new Attempt(a.id(), a.participantId(), a.roundId(), a.chatAccountId(), a.group(),
                Attempt.Status.valueOf(r.nextStage().name()), a.questionCount(), r.nextPosition(), a.score() + r.gain(),
                a.prediction(), a.startedAt(), a.deadlineAt(), a.finishedAt(), a.finishReason());
        return new OpenPaper(after, r.nextPosition() < a.questionCount() ? open.next() : null, null);
    }

    /** Closes the paper as it decided ({@link Paper#predict}, {@link Paper#expiry}); the time stops at the finish's moment. */
    public static Attempt finish(Handle h, long attemptId, Paper.Finish f) {
        return h.createQuery("""
                UPDATE attempts SET status = 'finished', prediction = :prediction, finished_at = :at, finish_reason = :reason,
                    duration_ms = (EXTRACT(EPOCH FROM (CAST(:at AS timestamptz) - started_at)) * 1000)::bigint
                WHERE id = :a AND status <> 'finished' RETURNING *""")
                .bind("prediction", f.prediction()).bind("at", f.at().atOffset(ZoneOffset.UTC)).bind("reason", f.reason().code())
                .bind("a", attemptId).map(ATTEMPT).one();
    }

    private static String status(Paper.Stage stage) {
        return stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Counts counts(Handle h, long participantId, long roundId, AttemptRules.Day today) {
        return h.createQuery("""
                SELECT count(*) AS in_contest,
                       count(*) FILTER (WHERE round_id = :r) AS in_round,
                       count(*) FILTER (WHERE started_at >= :from AND started_at < :to) AS today
                FROM attempts WHERE participant_id = :p""")
                .bind("p", participantId).bind("r", roundId)
                .bind("from", today.start().atOffset(ZoneOffset.UTC)).bind("to", today.end().atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Counts(rs.getInt("in_contest"), rs.getInt("in_round"), rs.getInt("today")))
                .one();
    }

    /** 1 for a person's first paper in the contest, 2 for the second... */
    public static int ordinal(Handle h, Attempt a) {
        return h.createQuery("SELECT count(*) FROM attempts WHERE participant_id = :p AND (started_at, id) <= (:start, :id)")
                .bind("p", a.participantId()).bind("start", a.startedAt().atOffset(ZoneOffset.UTC)).bind("id", a.id())
                .mapTo(Integer.class).one();
    }

    public static List<Attempt> finishedOf(Handle h, long participantId) {
        return h.createQuery("SELECT * FROM attempts WHERE participant_id = :p AND status = 'finished' ORDER BY started_at")
                .bind("p", participantId).map(ATTEMPT).list();
    }

    /** Open papers whose time ran out, oldest first. */
    public static List<Long> expired(Handle h, Instant now, int limit) {
        return h.createQuery("""
                SELECT id FROM attempts WHERE status <> 'finished' AND deadline_at <= :now ORDER BY deadline_at LIMIT :n""")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("n", limit).mapTo(Long.class).list();
    }
}
