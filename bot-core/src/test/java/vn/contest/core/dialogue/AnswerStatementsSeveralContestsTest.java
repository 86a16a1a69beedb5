package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.CountedStatements;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/** With two contests open, an answer tap in the second still costs at most six statements: the chat's contest comes with its lock. */
class AnswerStatementsSeveralContestsTest {
    static TestEngine engine;
    static ChatDriver chat;
    static CountedStatements counted;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start(TestContest.config(), TestEngine.secondContest());
        counted = new CountedStatements(engine.db);
        chat = counted.chat(engine, "counted-in-two");
        chat.send("xin chào");
        chat.tap("contest:luat-2026");
        chat.register("Lê Văn Hai", "02/03/1985", "0912777002", 1, "1");
        chat.tap(chat.token("Bắt đầu thi"));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void everyAnswerInTheSecondContestCostsAtMostSixStatements() {
        int questions = TestContest.config().paper().questions();
        for (int i = 0; i < questions; i++) {
            String token = chat.lastQuestion().choices().get(0).token();
            List<String> used = counted.during(() -> chat.tap(token));
            assertTrue(used.size() <= AnswerStatementsTest.MOST_STATEMENTS_PER_ANSWER, "answer " + (i + 1) + " ran " + used.size() + ": " + used);
        }
        assertTrue(chat.text().contains("dự đoán") && chat.text().contains("【Cuộc thi tìm hiểu pháp luật】"), chat.text());
    }
}
