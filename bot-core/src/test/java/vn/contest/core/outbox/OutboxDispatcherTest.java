package vn.contest.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Outbound;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestDatabase;

/** The dispatcher on the real outbox table, with a scripted platform behind a Sender. */
class OutboxDispatcherTest {
    static Database db;
    static OutboxStore store;

    /** Answers each send with the next scripted result (Sent when the script runs out) and records the text. */
    static final class ScriptedPlatform implements Sender {
        final Deque<SendResult> script = new ArrayDeque<>();
        final List<String> delivered = new ArrayList<>();

        @Override
        public String channel() {
            return "scripted";
        }

        @Override
        public double messagesPerSecond() {
            return 1000;
        }

        @Override
        public SendResult send(Outbound message) {
            SendResult r = script.isEmpty() ? SendResult.sent() : script.poll();
            if (r instanceof SendResult.Sent) {
                delivered.add(message.text());
            }
            return r;
        }
    }

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        store = new OutboxStore(db.jdbi());
    }

    @BeforeEach
    void clean() {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM outbox"));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static void enqueue(String chat, String text) {
        db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(new Outbound(new ChatRef("scripted", chat), text, List.of(), false, null, null))));
    }

    static Map<String, Object> row(String text) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT status, tries, last_error, next_attempt_at > now() AS later FROM outbox WHERE payload->>'text' = :t")
                .bind("t", text).mapToMap().one());
    }

    @Test
    void aPassingFaultIsRetriedLaterAndHoldsBackThatChatOnly() {
        ScriptedPlatform platform = new ScriptedPlatform();
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, List.of(platform));
        enqueue("an", "an-1");
        enqueue("an", "an-2");
        enqueue("binh", "binh-1");
        platform.script.add(new SendResult.Retry(Duration.ofSeconds(30), "429 retry after 30"));
        dispatcher.drainOnce(platform);
        assertEquals(List.of("binh-1"), platform.delivered, "an-2 waits behind an-1; binh is not held up");
        assertEquals("pending", row("an-1").get("status"));
        assertEquals(true, row("an-1").get("later"));
        assertEquals("429 retry after 30", row("an-1").get("last_error"));
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = now() WHERE status = 'pending'"));
        dispatcher.drainOnce(platform);
        dispatcher.drainOnce(platform);
        assertEquals(List.of("binh-1", "an-1", "an-2"), platform.delivered, "order within a chat is kept");
        assertEquals("sent", row("an-2").get("status"));
    }

    @Test
    void anUndeliverableMessageIsKeptWithItsReasonAndNotRetried() {
        ScriptedPlatform platform = new ScriptedPlatform();
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, List.of(platform));
        enqueue("chi", "blocked");
        enqueue("chi", "after");
        platform.script.add(new SendResult.Undeliverable("403 bot was blocked by the user"));
        dispatcher.drainOnce(platform);
        dispatcher.drainOnce(platform);
        assertEquals("failed", row("blocked").get("status"));
        assertEquals("403 bot was blocked by the user", row("blocked").get("last_error"));
        assertEquals(List.of("after"), platform.delivered);
    }

    /**
     * Out of quota, no balance, the night ban: not the person's doing and not lasting. The message is kept past
     * every try the dispatcher would give a passing fault, marked with the channel's alert while it waits, and sent
     * once the platform takes it again; the alert then clears.
     */
    @Test
    void aHeldMessageIsNeverGivenUpAndRaisesItsAlertWhileItWaits() {
        ScriptedPlatform platform = new ScriptedPlatform();
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, List.of(platform));
        enqueue("hoa", "held");
        enqueue("hoa", "behind");
        for (int i = 0; i < Backoff.MAX_TRIES + 3; i++) {
            platform.script.add(new SendResult.Held(Duration.ofMinutes(30), "QUOTA", "-211 Out of quota"));
            db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = now() WHERE status = 'pending'"));
            dispatcher.drainOnce(platform);
        }
        Map<String, Object> r = row("held");
        assertEquals("pending", r.get("status"), "never given up on: " + r);
        assertEquals(true, r.get("later"), "tried again after the platform's delay, not at once");
        List<OutboxStore.Held> held = store.held("scripted");
        assertEquals(1, held.size(), held.toString());
        assertEquals(List.of("QUOTA", 1L, "-211 Out of quota"), List.of(held.get(0).alert(), held.get(0).messages(), held.get(0).reason()),
                "one message held for QUOTA, with its reason");
        assertTrue(platform.delivered.isEmpty(), "and the chat's next message waits behind it, in order");

        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = now() WHERE status = 'pending'"));
        dispatcher.drainOnce(platform);
        dispatcher.drainOnce(platform);
        assertEquals(List.of("held", "behind"), platform.delivered);
        assertTrue(store.held("scripted").isEmpty(), "the alert clears once it is sent");
    }

    @Test
    void anExceptionCountsAsAPassingFaultAndGivesUpAfterTheLastTry() {
        Sender broken = new Sender() {
            @Override
            public String channel() {
                return "scripted";
            }

            @Override
            public SendResult send(Outbound message) {
                throw new IllegalStateException("connection reset");
            }
        };
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, List.of(broken));
        enqueue("dung", "doomed");
        for (int i = 0; i < Backoff.MAX_TRIES; i++) {
            db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = now() WHERE status = 'pending'"));
            dispatcher.drainOnce(broken);
        }
        Map<String, Object> r = row("doomed");
        assertEquals("failed", r.get("status"));
        assertEquals(Backoff.MAX_TRIES, r.get("tries"));
        assertTrue(r.get("last_error").toString().contains("connection reset"), r.toString());
    }

    @Test
    void aSenderThatDiedMidwayLeavesItsRowsToBeClaimedAgainAfterTheLease() {
        enqueue("em", "orphan");
        List<OutboxMessage> claimed = store.claim("scripted", 10, Duration.ofSeconds(60));
        assertEquals(1, claimed.size());
        assertTrue(store.claim("scripted", 10, Duration.ofSeconds(60)).isEmpty(), "leased rows are not handed out twice");
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET lease_until = now() - interval '1 second'"));
        assertEquals(1, store.claim("scripted", 10, Duration.ofSeconds(60)).size());
    }

    @Test
    void aPerChatGapHoldsTheNextMessageButNotAnEditOrAnotherChat() {
        enqueue("gap-1", "first");
        enqueue("gap-1", "second");
        enqueue("gap-2", "other chat");
        Duration gap = Duration.ofSeconds(30);
        assertEquals(List.of("first", "other chat"), texts(store.claim("scripted", 10, Duration.ofSeconds(60), gap)));
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET status = 'sent', sent_at = now() WHERE status = 'sending'"));
        assertTrue(store.claim("scripted", 10, Duration.ofSeconds(60), gap).isEmpty(), "\"second\" waits for the gap");
        db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(Outbound.edit(new ChatRef("scripted", "gap-2"), "77", "edited"))));
        assertEquals(List.of("edited"), texts(store.claim("scripted", 10, Duration.ofSeconds(60), gap)), "an edit does not wait");
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET status = 'sent', sent_at = now() WHERE status = 'sending'"));
        db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(
                new Outbound(new ChatRef("scripted", "gap-2"), "câu 2", List.of(), false, null, Outbound.QUESTION, "77"))));
        assertTrue(store.claim("scripted", 10, Duration.ofSeconds(60), gap).isEmpty(),
                "a question shown in an earlier message's place waits as a new message does");
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET sent_at = now() - interval '31 seconds' WHERE status = 'sent'"));
        assertEquals(List.of("second", "câu 2"), texts(store.claim("scripted", 10, Duration.ofSeconds(60), gap)));
    }

    @Test
    void oneTurnsRepliesGoTogetherAndTheGapIsBetweenTurns() {
        Duration gap = Duration.ofSeconds(30);
        // One turn: the paper's introduction and its first question, written in one transaction.
        db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(
                new Outbound(new ChatRef("scripted", "burst"), "giới thiệu", List.of(), false, null, null),
                new Outbound(new ChatRef("scripted", "burst"), "câu 1", List.of(), false, null, null))));
        enqueue("burst", "next turn");
        assertEquals(List.of("giới thiệu"), texts(store.claim("scripted", 10, Duration.ofSeconds(60), gap)));
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET status = 'sent', sent_at = now() WHERE status = 'sending'"));
        assertEquals(List.of("câu 1"), texts(store.claim("scripted", 10, Duration.ofSeconds(60), gap)),
                "the same turn's next message does not wait behind the first");
        db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET status = 'sent', sent_at = now() WHERE status = 'sending'"));
        assertTrue(store.claim("scripted", 10, Duration.ofSeconds(60), gap).isEmpty(), "a later turn's message waits for the gap");
    }

    @Test
    void aBigBroadcastNeverHoldsUpAConversationReply() {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO contests (id, code, title, config) VALUES (999, 'bc', 'bc', '{}') ON CONFLICT DO NOTHING");
            h.execute("INSERT INTO broadcasts (id, contest_id, channel, text, created_by, recipients) VALUES (999, 999, 'scripted', 'x', 't', 0) ON CONFLICT DO NOTHING");
            for (int i = 0; i < 120; i++) {
                h.execute("INSERT INTO outbox (channel, chat_id, payload, broadcast_id) VALUES ('scripted', ?, "
                        + "'{\"chat\":{\"channel\":\"scripted\",\"externalId\":\"x\"},\"text\":\"thông báo\",\"choices\":[],\"kind\":\"text\"}', 999)", "b" + i);
            }
        });
        enqueue("in-a-paper", "Câu 3/10");
        List<OutboxMessage> first = store.claim("scripted", 10, Duration.ofSeconds(60));
        assertEquals("Câu 3/10", first.get(0).outbound().text(), "the quiz reply goes first");
        assertEquals(10, first.size());
    }

    static List<String> texts(List<OutboxMessage> messages) {
        return messages.stream().map(m -> m.outbound().text()).toList();
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertEquals(Duration.ofSeconds(2), Backoff.after(1));
        assertEquals(Duration.ofSeconds(16), Backoff.after(4));
        assertEquals(Duration.ofMinutes(10), Backoff.after(11));
    }
}
