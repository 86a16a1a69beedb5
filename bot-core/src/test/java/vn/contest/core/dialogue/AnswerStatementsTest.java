package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.CountedStatements;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/**
 * What one answer tap costs the database: the turn (dedupe, the chat's lock, the paper's lock and read, the
 * graded answer, the replies) and reading the replies back. The web channel takes the turn's replies as the turn
 * queued them and reads back only what the page has not seen from before.
 */
class AnswerStatementsTest {
    static final int MOST_STATEMENTS_PER_ANSWER = 7;
    static TestEngine engine;
    static CountedStatements counted;
    static ChatDriver chat;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
        counted = new CountedStatements(engine.db);
        chat = counted.chat(engine, "counted");
        chat.register("Lê Văn Đếm", "02/03/1985", "0912777001", 1, "1");
        chat.tap(chat.token("Bắt đầu thi"));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void everyAnswerOfAPaperCostsAtMostSevenStatements() {
        int questions = TestContest.config().paper().questions();
        for (int i = 0; i < questions; i++) {
            String token = chat.lastQuestion().choices().get(0).token();
            List<String> used = counted.during(() -> chat.tap(token));
            assertTrue(used.size() <= MOST_STATEMENTS_PER_ANSWER, "answer " + (i + 1) + " ran " + used.size() + ": " + used);
            if (i < questions - 1) {
                assertEquals(6, used.size(), "a middle answer: event, chat, paper, answer, replies, and the read back: " + used);
            }
        }
        assertTrue(chat.text().contains("dự đoán"), chat.text());
    }
}
