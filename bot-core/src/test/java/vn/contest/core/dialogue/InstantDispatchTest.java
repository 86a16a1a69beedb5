package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.outbox.SendResult;
import vn.contest.core.outbox.Sender;
import vn.contest.core.testing.TestEngine;

/**
 * Replies go out as their turn commits, and rows queued elsewhere on PostgreSQL's NOTIFY, with the dispatcher's
 * timer at 30 s: a reply that arrives within two seconds came without waiting for it.
 */
class InstantDispatchTest {
    static final Duration SLOW_TIMER = Duration.ofSeconds(30);
    static final String CHANNEL = "instant";
    static TestEngine engine;

    /** Records when each message reaches the platform. */
    static final class Platform implements Sender {
        final List<Outbound> delivered = new CopyOnWriteArrayList<>();
        final String channel;

        Platform() {
            this(CHANNEL);
        }

        Platform(String channel) {
            this.channel = channel;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public double messagesPerSecond() {
            return 1000;
        }

        @Override
        public SendResult send(Outbound message) {
            delivered.add(message);
            return SendResult.sent();
        }
    }

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @BeforeEach
    void clean() {
        engine.db.jdbi().useHandle(h -> h.execute("DELETE FROM outbox"));
    }

    @Test
    void aCommittedTurnsRepliesAreSentAtOnceNotAtTheNextPoll() throws Exception {
        Platform platform = new Platform();
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(engine.outbox, List.of(platform))) {
            dispatcher.start(SLOW_TIMER);
            Thread.sleep(500); // the timer's first look is over: the next is 30 s away
            engine.dialogue.afterCommit(dispatcher::handOff);
            long started = System.nanoTime();
            engine.dialogue.handle(Inbound.text(new ChatRef(CHANNEL, "c-1"), "e-1", "xin chào"));
            awaitDelivered(platform, 2, Duration.ofSeconds(2));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos());
            assertTrue(platform.delivered.get(0).text().contains("Chào mừng"), platform.delivered.get(0).text());
            assertEquals(0L, pending(), "every row marked sent");
        } finally {
            engine.dialogue.afterCommit(replies -> { });
        }
    }

    @Test
    void rowsQueuedInBulkElsewhereWakeTheDispatcherThroughNotify() throws Exception {
        Platform platform = new Platform();
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(engine.outbox, List.of(platform))) {
            dispatcher.listenWith(engine.db::openDedicated);
            dispatcher.start(SLOW_TIMER);
            Thread.sleep(1000); // listening, and the timer's first look is over
            // Queued in bulk in a transaction of its own, as another instance's broadcast would: no hand-off here.
            engine.db.jdbi().useTransaction(h -> {
                OutboxStore.enqueue(h, List.of(
                        new Outbound(new ChatRef(CHANNEL, "c-2"), "một", List.of(), false, null, Outbound.TEXT),
                        new Outbound(new ChatRef(CHANNEL, "c-2"), "hai", List.of(), false, null, Outbound.TEXT)));
                OutboxStore.wakeDispatchers(h, CHANNEL);
            });
            awaitDelivered(platform, 2, Duration.ofSeconds(2));
            assertEquals(List.of("một", "hai"), platform.delivered.stream().map(Outbound::text).toList(), "in the chat's order");
        }
    }

    /**
     * A web chat's replies are delivered as they are written (its page reads them), so its turn hands the dispatcher
     * nothing to do: waking the web's drain (there for broadcasts' rows) cost PostgreSQL a claim, planned afresh,
     * every few answers. A broadcast's row queued without a NOTIFY shows whether the web's drain ran; the other
     * platform's reply, handed over after, that the hand-offs did.
     */
    @Test
    void aWebTurnWakesNoDrainButAnotherPlatformsTurnDoes() throws Exception {
        Platform platform = new Platform();
        Platform web = new Platform(ChatRef.WEB);
        // Not started: no timer, no listener, so only the hand-offs (and the wake at the end) make it look.
        try (OutboxDispatcher dispatcher = new OutboxDispatcher(engine.outbox, List.of(web, platform))) {
            engine.db.jdbi().useHandle(h -> h.execute("INSERT INTO outbox (channel, chat_id, payload) VALUES ('web', 'w-0', "
                    + "CAST('{\"chat\":{\"channel\":\"web\",\"externalId\":\"w-0\"},\"text\":\"Thông báo\",\"kind\":\"text\"}' AS jsonb))"));
            engine.dialogue.afterCommit(dispatcher::handOff);
            engine.dialogue.handle(Inbound.text(new ChatRef(ChatRef.WEB, "w-1"), "e-w1", "xin chào"));
            engine.dialogue.handle(Inbound.text(new ChatRef(CHANNEL, "c-3"), "e-c3", "xin chào"));
            awaitDelivered(platform, 1, Duration.ofSeconds(2));
            Thread.sleep(200);
            assertEquals(List.of(), web.delivered, "the web's drain ran for a web turn");
            dispatcher.wake(ChatRef.WEB);
            awaitDelivered(web, 1, Duration.ofSeconds(2)); // what the assertion above would have seen
        } finally {
            engine.dialogue.afterCommit(replies -> { });
        }
    }

    private static void awaitDelivered(Platform platform, int n, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (platform.delivered.size() < n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("only " + platform.delivered.size() + " of " + n + " delivered within " + within
                        + " (the timer is at " + SLOW_TIMER + ")");
            }
            Thread.sleep(10);
        }
    }

    private static long pending() {
        return engine.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status <> 'sent'")
                .mapTo(Long.class).one());
    }
}
