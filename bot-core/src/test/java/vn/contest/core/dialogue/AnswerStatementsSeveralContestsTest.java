package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/** With two contests open, an answer tap in the second still costs at most seven statements: the chat's contest comes with its lock. */
class AnswerStatementsSeveralContestsTest {
    static TestEngine engine;
    static ChatDriver chat;
    static final List<String> statements = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start(TestContest.config(), TestEngine.secondContest());
        engine.db.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                synchronized (statements) {
                    statements.add(context.getRenderedSql().strip());
                }
            }
        });
        chat = engine.chat("counted-in-two");
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
    void everyAnswerInTheSecondContestCostsAtMostSevenStatements() {
        int questions = TestContest.config().paper().questions();
        for (int i = 0; i < questions; i++) {
            String token = chat.lastQuestion().choices().get(0).token();
            synchronized (statements) {
                statements.clear();
            }
            chat.tap(token);
            synchronized (statements) {
                assertTrue(statements.size() <= AnswerStatementsTest.MOST_STATEMENTS_PER_ANSWER,
                        "answer " + (i + 1) + " ran " + statements.size() + ": " + statements);
            }
        }
        assertTrue(chat.text().contains("dự đoán") && chat.text().contains("【Cuộc thi tìm hiểu pháp luật】"), chat.text());
    }
}
