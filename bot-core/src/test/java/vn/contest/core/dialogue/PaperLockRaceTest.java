package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;

/**
 * A person's paper moved on by another of their chats while this chat's turn waited for the paper's lock: the turn
 * reads the paper as it now stands (PostgreSQL re-checks only the locked row after the wait, not the question joined
 * to it) and answers the question the paper is on.
 */
class PaperLockRaceTest {
    static TestEngine engine;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

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
