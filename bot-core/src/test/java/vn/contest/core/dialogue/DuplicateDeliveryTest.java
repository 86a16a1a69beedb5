package vn.contest.core.dialogue;

import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;

/** Platforms redeliver; two deliveries of one event, even at the same instant, count once. */
class DuplicateDeliveryTest {
    static TestEngine engine;
    static Database db;
    static Dialogue dialogue;
    static OutboxStore outbox;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
        db = engine.db;
        dialogue = engine.dialogue;
        outbox = engine.outbox;
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void theSameAnswerDeliveredConcurrentlyCountsOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                ChatDriver c = new ChatDriver(dialogue, outbox, "dup-" + round);
                c.register("Đỗ Văn Lặp", "01/01/1990", "091300000" + round, 2, "3");
                c.send("thi");
                Outbound q = c.lastQuestion();
                vn.contest.core.attempt.AnswerToken first = Tokens.parseAnswer(q.choices().get(0).token()).orElseThrow();
                long outboxBefore = outboxRows();
                Inbound answer = Inbound.choice(c.chat(), "evt-answer-" + round, q.choices().get(0).token());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Dialogue.Outcome>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return dialogue.handle(answer);
                    }));
                }
                go.countDown();
                int handled = 0;
                for (Future<Dialogue.Outcome> f : results) {
                    handled += f.get() == Dialogue.Outcome.HANDLED ? 1 : 0;
                }
                assertEquals(1, handled, "exactly one delivery is handled");
                long answered = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM attempt_questions WHERE attempt_id = :a AND chosen_index IS NOT NULL")
                        .bind("a", first.paperId()).mapTo(Long.class).one());
                assertEquals(1, answered);
                int position = db.jdbi().withHandle(h -> h.createQuery("SELECT current_position FROM attempts WHERE id = :a")
                        .bind("a", first.paperId()).mapTo(Integer.class).one());
                assertEquals(1, position, "the paper moved on by one question only");
                assertEquals(1, outboxRows() - outboxBefore, "one reply: the next question");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoDifferentMessagesOfOneChatAtOnceAreBothHandledInTurn() throws Exception {
        ChatDriver c = new ChatDriver(dialogue, outbox, "pair");
        c.register("Đỗ Thị Đôi", "01/01/1990", "0913111222", 2, "3");
        c.send("thi");
        Outbound q = c.lastQuestion();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Two taps on the first question's buttons: the chat lock puts them in line, the second is stale.
            Future<Dialogue.Outcome> a = pool.submit(() -> dialogue.handle(Inbound.choice(c.chat(), "tap-a", q.choices().get(0).token())));
            Future<Dialogue.Outcome> b = pool.submit(() -> dialogue.handle(Inbound.choice(c.chat(), "tap-b", q.choices().get(1).token())));
            assertEquals(Dialogue.Outcome.HANDLED, a.get());
            assertEquals(Dialogue.Outcome.HANDLED, b.get());
        } finally {
            pool.shutdownNow();
        }
        long attemptId = Tokens.parseAnswer(q.choices().get(0).token()).orElseThrow().paperId();
        long answered = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM attempt_questions WHERE attempt_id = :a AND chosen_index IS NOT NULL")
                .bind("a", attemptId).mapTo(Long.class).one());
        assertEquals(1, answered);
    }

    static long outboxRows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox").mapTo(Long.class).one());
    }
}
