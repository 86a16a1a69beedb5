package vn.contest.core.dialogue;

import vn.contest.core.message.Outbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Contest;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;
import vn.contest.core.testing.MutableClock;

class AttemptTest {
    static TestEngine engine;
    static Database db;
    static Contest contest;
    static MutableClock clock;
    static Dialogue dialogue;
    static OutboxStore outbox;
    static int phones = 100;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
        db = engine.db;
        contest = engine.contest;
        clock = engine.clock;
        dialogue = engine.dialogue;
        outbox = engine.outbox;
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    static ChatDriver registered(String id) {
        ChatDriver c = new ChatDriver(dialogue, outbox, id);
        c.register("Nguyễn Văn Thi", "01/01/1990", "0912" + String.format("%06d", phones++), 1, "1");
        return c;
    }

    /** The correct option's letter for the question on screen, read from the paper's snapshot. */
    static int correctIndex(ChatDriver c) {
        vn.contest.core.attempt.AnswerToken shown = Tokens.parseAnswer(c.lastQuestion().choices().get(0).token()).orElseThrow();
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT correct_index FROM attempt_questions WHERE attempt_id = :a AND position = :p")
                .bind("a", shown.paperId()).bind("p", shown.position()).mapTo(Integer.class).one());
    }

    static Map<String, Object> attemptRow(long attemptId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM attempts WHERE id = :id").bind("id", attemptId).mapToMap().one());
    }

    @Test
    void aFullPaperWithButtonsTypedLettersAndThePrediction() {
        ChatDriver c = registered("full");
        c.tap(c.token("Bắt đầu thi"));
        assertTrue(c.text().contains("Lượt thi thứ 1: 4 câu hỏi"), c.text());
        assertTrue(c.text().contains("Câu 1/4"), c.text());
        Outbound q1 = c.lastQuestion();
        assertNotNull(q1.deadline());
        long attemptId = Tokens.parseAnswer(q1.choices().get(0).token()).orElseThrow().paperId();

        c.tap(c.lastQuestion().choices().get(correctIndex(c)).token());          // right, by button
        assertTrue(c.text().contains("Câu 2/4"), c.text());
        c.send("Đáp án " + (char) ('A' + correctIndex(c)));                         // right, typed
        c.send(((char) ('a' + correctIndex(c))) + ".");                             // right, "b."
        int wrong = (correctIndex(c) + 1) % c.lastQuestion().choices().size();
        c.send("chon " + (char) ('A' + wrong));                                    // wrong
        assertTrue(c.text().contains("Câu hỏi dự đoán"), c.text());
        c.send("mười hai");
        assertTrue(c.text().contains("số nguyên"), c.text());
        clock.advance(Duration.ofSeconds(95));
        c.send("1.234 người");
        assertTrue(c.text().contains("Số câu trả lời đúng: 3/4"), c.text());
        assertTrue(c.text().contains("Dự đoán: 1.234"), c.text());
        assertTrue(c.text().contains("Thời gian làm bài: 1 phút 35 giây"), c.text());
        assertTrue(c.text().contains("Đáp án sẽ được công bố sau khi Tuần 1 kết thúc"), "answers stay secret: " + c.text());
        Map<String, Object> row = attemptRow(attemptId);
        assertEquals("finished", row.get("status"));
        assertEquals(3, row.get("score"));
        assertEquals(1234L, row.get("prediction"));
        assertEquals(95_000L, row.get("duration_ms"));
    }

    @Test
    void staleRepeatedAndForgedTokensNeverChangeTheScore() {
        ChatDriver c = registered("tokens");
        c.send("thi");
        Outbound q1 = c.lastQuestion();
        String right1 = q1.choices().get(correctIndex(c)).token();
        vn.contest.core.attempt.AnswerToken t1 = Tokens.parseAnswer(right1).orElseThrow();
        int wrongIndex = (correctIndex(c) + 1) % q1.choices().size();
        c.tap(q1.choices().get(wrongIndex).token());                                // wrong answer to Q1
        c.tap(right1);                                                              // tapping Q1's right button later
        assertTrue(c.text().contains("đã được trả lời hoặc không còn hiệu lực"), c.text());
        c.tap(Tokens.answer(t1.paperId() + 999, 1, 0));                            // another paper's token
        assertTrue(c.text().contains("không còn hiệu lực"), c.text());
        c.tap(Tokens.answer(t1.paperId(), 3, 0));                                  // a future question
        c.tap("ans:abc");                                                          // garbage
        assertTrue(c.text().contains("Vui lòng chọn một đáp án"), c.text());
        // The bank has questions with two, three and four options: count the current question's own.
        int options = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT cardinality(options) FROM attempt_questions WHERE attempt_id = :a AND position = 1")
                .bind("a", t1.paperId()).mapTo(Integer.class).one());
        assertEquals(options, c.choices().size(), "the question and its buttons come back after a hint");
        c.tap(Tokens.answer(t1.paperId(), 1, 5));                                  // option F of a 4-option question
        Map<String, Object> row = attemptRow(t1.paperId());
        assertEquals(0, row.get("score"));
        assertEquals(1, row.get("current_position"));
        long answered = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM attempt_questions WHERE attempt_id = :a AND chosen_index IS NOT NULL")
                .bind("a", t1.paperId()).mapTo(Long.class).one());
        assertEquals(1, answered);
    }

    @Test
    void anAnswerAfterTheDeadlineIsRefusedAndThePaperClosesAtTheDeadline() {
        ChatDriver c = registered("late");
        c.send("bắt đầu thi");
        Outbound q1 = c.lastQuestion();
        long attemptId = Tokens.parseAnswer(q1.choices().get(0).token()).orElseThrow().paperId();
        c.tap(q1.choices().get(correctIndex(c)).token());
        String right2 = c.lastQuestion().choices().get(correctIndex(c)).token();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        c.tap(right2);
        assertTrue(c.text().contains("Đã hết thời gian làm bài"), c.text());
        assertTrue(c.text().contains("Số câu trả lời đúng: 1/4"), c.text());
        Map<String, Object> row = attemptRow(attemptId);
        assertEquals("timeout", row.get("finish_reason"));
        assertEquals(600_000L, row.get("duration_ms"));
        assertNull(row.get("prediction"));
        c.send("B");
        assertTrue(c.text().contains("Mình chưa hiểu ý bạn"), "back at the menu: " + c.text());
    }

    @Test
    void theSweeperFinishesASilentPaperAndTellsItsChat() {
        ChatDriver c = registered("silent");
        c.send("thi");
        long attemptId = Tokens.parseAnswer(c.lastQuestion().choices().get(0).token()).orElseThrow().paperId();
        ExpiredAttemptSweeper sweeper = new ExpiredAttemptSweeper(db.jdbi(), dialogue, clock);
        clock.advance(Duration.ofMinutes(9));
        sweeper.sweep();
        assertEquals("answering", attemptRow(attemptId).get("status"));
        clock.advance(Duration.ofMinutes(2));
        assertTrue(sweeper.sweep() >= 1);
        assertEquals("finished", attemptRow(attemptId).get("status"));
        c.replies();
        assertTrue(c.text().contains("Đã hết thời gian làm bài"), c.text());
        assertTrue(c.text().contains("Số câu trả lời đúng: 0/4"), c.text());
        c.send("thi");
        assertTrue(c.text().contains("Lượt thi thứ 2"), "a new paper can start: " + c.text());
    }

    @Test
    void theDailyCapStopsAThirdPaperAndTheResultsListTheCountedOne() {
        ChatDriver c = registered("capped");
        for (int paper = 0; paper < 2; paper++) {
            c.send("thi");
            for (int i = 0; i < 4; i++) {
                int index = paper == 1 ? correctIndex(c) : (correctIndex(c) + 1) % c.lastQuestion().choices().size();
                c.tap(c.lastQuestion().choices().get(index).token());
            }
            c.send("500");
            assertTrue(c.text().contains("Bạn còn " + (paper == 0 ? 1 : 0) + " lượt thi"), c.text());
        }
        c.send("thi");
        assertTrue(c.text().contains("Hôm nay bạn đã dùng hết 2 lượt thi"), c.text());
        c.send("kết quả");
        assertTrue(c.text().contains("Lượt 1 (Tuần 1): đúng 0/4"), c.text());
        assertTrue(c.text().matches("(?s).*Lượt 2 \\(Tuần 1\\): đúng 4/4, thời gian [^\\n]*← lượt được tính.*"), c.text());
    }

    @Test
    void noPaperBeforeTheContestOpensOrAfterItCloses() {
        ChatDriver c = registered("window");
        Instant saved = clock.instant();
        try {
            clock.set(contest.opensAt().minusSeconds(60));
            c.send("thi");
            assertTrue(c.text().contains("Cuộc thi chưa bắt đầu"), c.text());
            clock.set(contest.closesAt().plusSeconds(1));
            c.send("thi");
            assertTrue(c.text().contains("Cuộc thi đã kết thúc"), c.text());
            c.send("kết quả");
            assertTrue(c.text().contains("chưa hoàn thành lượt thi nào"), "results still answer: " + c.text());
        } finally {
            clock.set(saved);
        }
    }

    @Test
    void papersDrawRandomQuestionsWithTheTopicQuotasAndShuffledOptions() {
        ChatDriver c = registered("drawn");
        c.send("thi");
        long attemptId = Tokens.parseAnswer(c.lastQuestion().choices().get(0).token()).orElseThrow().paperId();
        List<String> topics = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT t.code FROM attempt_questions aq JOIN questions q ON q.id = aq.question_id JOIN topics t ON t.id = q.topic_id
                WHERE aq.attempt_id = :a""").bind("a", attemptId).mapTo(String.class).list());
        assertEquals(4, topics.size());
        long distinctQuestions = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(DISTINCT question_id) FROM attempt_questions WHERE attempt_id = :a").bind("a", attemptId).mapTo(Long.class).one());
        assertEquals(4, distinctQuestions, "no question twice in one paper");
        assertTrue(topics.contains("luat") && topics.contains("ky-nang"), "quotas: " + topics);
        // In the bank every correct answer is option A; across many draws, shuffling must move it.
        long movedCorrect = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM attempt_questions WHERE correct_index <> 0").mapTo(Long.class).one());
        assertTrue(movedCorrect > 0, "options are shuffled");
        Matcher m = Pattern.compile("Câu 1/4 \\(còn (\\d+) phút").matcher(c.text());
        assertTrue(m.find(), c.text());
        assertFalse(c.text().contains("null"), c.text());
    }

    /**
     * A person's paper moved on by another of their chats while this chat's turn waited for the paper's lock: the turn
     * reads the paper as it now stands (PostgreSQL re-checks only the locked row after the wait, not the question joined
     * to it) and answers the question the paper is on.
     */
    @Test
    void anAnswerAfterWaitingForThePaperGoesToTheQuestionItIsOn() throws Exception {
        ChatDriver chat = engine.chat("race-1");
        chat.register("Lê Văn Đua", "02/03/1985", "0912777005", 1, "1");
        chat.tap(chat.token("Bắt đầu thi"));
        long paper = engine.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM attempts WHERE status = 'answering' AND chat_account_id = (SELECT id FROM chat_accounts WHERE external_id = 'race-1')")
                .mapTo(Long.class).one());
        try (Connection other = engine.db.openDedicated()) {
            // Another chat of the same person answers question 1 and holds the paper until it commits.
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.executeQuery("SELECT id FROM attempts WHERE id = " + paper + " FOR UPDATE").close();
                st.executeUpdate("UPDATE attempt_questions SET chosen_index = 0, correct = (correct_index = 0), answered_at = now() "
                        + "WHERE attempt_id = " + paper + " AND position = 0");
                st.executeUpdate("UPDATE attempts SET current_position = 1 WHERE id = " + paper);
            }
            CompletableFuture<java.util.List<vn.contest.core.message.Outbound>> typed = CompletableFuture.supplyAsync(() -> chat.send("b"));
            engine.awaitSomeoneWaitingOnALock();
            other.commit();
            String replies = typed.get(10, TimeUnit.SECONDS).stream().map(vn.contest.core.message.Outbound::text)
                    .filter(java.util.Objects::nonNull).reduce("", String::concat);
            assertTrue(replies.contains("Câu 3/"), "the answer went to question 2 and question 3 is asked: " + replies);
        }
        assertEquals(Integer.valueOf(1), engine.db.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "SELECT chosen_index FROM attempt_questions WHERE attempt_id = :a AND position = 1").bind("a", paper)
                .mapTo(Integer.class).one()), "question 2 answered B");
    }
}
