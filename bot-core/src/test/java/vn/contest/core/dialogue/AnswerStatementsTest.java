package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.CountedStatements;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/**
 * What one answer tap costs the database: the turn (dedupe with the chat's lock, the paper's lock and read, the
 * graded answer, the replies) and reading the replies back. The web channel takes the turn's replies as the turn
 * queued them, and reads back older rows only when the chat has one the page has not seen.
 */
class AnswerStatementsTest {
    static final int MOST_STATEMENTS_PER_ANSWER = 6;
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
    void everyAnswerOfAPaperCostsAtMostSixStatements() {
        int questions = TestContest.config().paper().questions();
        for (int i = 0; i < questions; i++) {
            String token = chat.lastQuestion().choices().get(0).token();
            List<String> used = counted.during(() -> chat.tap(token));
            assertTrue(used.size() <= MOST_STATEMENTS_PER_ANSWER, "answer " + (i + 1) + " ran " + used.size() + ": " + used);
            if (i < questions - 1) {
                assertEquals(5, used.size(), "a middle answer: event and chat, paper, answer, replies, and the read back: " + used);
            }
        }
        assertTrue(chat.text().contains("dự đoán"), chat.text());
    }

    /**
     * The reply's insert also returns the newest message the chat had before it, so a page that has seen that one
     * reads nothing back: one statement less on every web answer. Another chat's messages do not count; one queued to
     * this chat from elsewhere (a broadcast) does.
     */
    @Test
    void aTurnTellsThePageTheNewestMessageTheChatHadBeforeIt() {
        ChatDriver mine = engine.chat("newest-1");
        ChatDriver other = engine.chat("newest-2");
        mine.register("Lê Văn Mới", "02/03/1985", "0912777002", 1, "1");
        other.register("Lê Văn Khác", "02/03/1985", "0912777003", 1, "1");
        mine.tap(mine.token("Bắt đầu thi"));
        long newest = newestOf(mine.chat());
        other.tap(other.token("Bắt đầu thi"));
        assertEquals(newest, newestBefore(mine), "another chat's messages are not this chat's");
        long broadcast = engine.db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO outbox (channel, chat_id, payload) VALUES ('test', 'newest-1', CAST(:p AS jsonb)) RETURNING id")
                .bind("p", "{\"chat\":{\"channel\":\"test\",\"externalId\":\"newest-1\"},\"text\":\"Thông báo\",\"kind\":\"text\"}")
                .mapTo(Long.class).one());
        mine.replies();
        assertEquals(broadcast, newestBefore(mine), "a message queued to the chat from elsewhere");
        assertTrue(newestOf(mine.chat()) > broadcast, "the turn queued its own reply after it");
    }

    /**
     * A message committed while the turn waits for the chat (the sweeper's notice, a turn from the chat's other way
     * in) counts too: the figure is read after the lock, not from the snapshot taken before waiting for it.
     */
    @Test
    void aMessageCommittedWhileTheTurnWaitsForTheChatCounts() throws Exception {
        ChatDriver mine = engine.chat("newest-3");
        mine.register("Lê Văn Chờ", "02/03/1985", "0912777004", 1, "1");
        mine.tap(mine.token("Bắt đầu thi"));
        try (Connection holder = engine.db.openDedicated()) {
            holder.setAutoCommit(false);
            long late;
            try (Statement st = holder.createStatement()) {
                st.executeQuery("SELECT id FROM chat_accounts WHERE channel = 'test' AND external_id = 'newest-3' FOR UPDATE").close();
                ResultSet rs = st.executeQuery("INSERT INTO outbox (channel, chat_id, payload) VALUES ('test', 'newest-3', "
                        + "CAST('{\"text\":\"Hết giờ\",\"kind\":\"text\"}' AS jsonb)) RETURNING id");
                rs.next();
                late = rs.getLong(1);
            }
            CompletableFuture<Long> turn = CompletableFuture.supplyAsync(() -> newestBefore(mine));
            engine.awaitSomeoneWaitingOnALock();
            holder.commit();
            assertTrue(turn.get(10, TimeUnit.SECONDS) >= late, "the message committed while the turn waited");
        }
    }

    /** Answers the chat's current question through the page's way in, returning what the turn told the page. */
    private static long newestBefore(ChatDriver driver) {
        String token = driver.lastQuestion().choices().get(0).token();
        return engine.dialogue.handleForReplies(Inbound.choice(driver.chat(), UUID.randomUUID().toString(), token),
                (h, replies, newestBefore) -> newestBefore).also();
    }

    private static long newestOf(ChatRef chat) {
        return engine.db.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM outbox WHERE channel = :ch AND chat_id = :id")
                .bind("ch", chat.channel()).bind("id", chat.externalId()).mapTo(Long.class).one());
    }
}
