package vn.contest.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Outbound;
import vn.contest.core.store.Database;

/**
 * Two instances' dispatchers draining one backlog to a platform whose limit is for the bot as a whole (Telegram's
 * 30 a second): together they keep to the channel's rate plus the small burst over every second, where each
 * pacing itself alone sent twice the rate.
 */
class TwoDispatchersPaceTest {
    static final double RATE = 25;
    /** Telegram's limit for a bot: the app paces at 25 with a burst of 2.5 to stay under it. */
    static final int PLATFORM_LIMIT = 30;
    static final int BACKLOG = 200;

    final List<Database> pools = TwoInstancesDatabase.open();
    final List<OutboxDispatcher> dispatchers = new ArrayList<>();

    /** The platform's side: when each message arrived and which instance sent it. */
    static final class StandInPlatform {
        final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        final List<String> texts = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> perInstance = Collections.synchronizedMap(new TreeMap<>());

        Sender senderFor(String instance) {
            return new Sender() {
                @Override
                public String channel() {
                    return "paced";
                }

                @Override
                public double messagesPerSecond() {
                    return RATE;
                }

                @Override
                public SendResult send(Outbound message) {
                    arrivals.add(System.nanoTime());
                    texts.add(message.text());
                    perInstance.merge(instance, 1, Integer::sum);
                    return SendResult.sent();
                }
            };
        }
    }

    @AfterEach
    void stop() {
        dispatchers.forEach(OutboxDispatcher::close);
        pools.forEach(Database::close);
    }

    @Test
    void twoInstancesTogetherKeepToTheChannelsRate() throws InterruptedException {
        List<Outbound> backlog = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            backlog.add(new Outbound(new ChatRef("paced", "chat-" + i), "m" + i, List.of(), false, null, null));
        }
        pools.get(0).jdbi().useHandle(h -> OutboxStore.enqueue(h, backlog));

        StandInPlatform platform = new StandInPlatform();
        for (int i = 0; i < pools.size(); i++) {
            OutboxDispatcher d = new OutboxDispatcher(new OutboxStore(pools.get(i).jdbi()), List.of(platform.senderFor("instance-" + i)));
            dispatchers.add(d);
        }
        dispatchers.forEach(d -> d.start(Duration.ofMillis(50)));
        long deadline = System.nanoTime() + Duration.ofSeconds(18).toNanos();
        while (platform.texts.size() < BACKLOG && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertEquals(BACKLOG, platform.texts.size(), "the whole backlog sent");
        assertEquals(BACKLOG, platform.texts.stream().distinct().count(), "each message once");
        int busiest = TwoInstancesDatabase.busiestSecond(platform.arrivals);
        double allowed = RATE + SharedPace.burst(RATE);
        System.out.printf("two dispatchers: busiest second %d messages (allowed %.1f), per instance %s%n",
                busiest, allowed, platform.perInstance);
        // The bucket grants at most 27.5 in any second; the arrivals are timed a little later, on a busy machine.
        assertTrue(busiest <= PLATFORM_LIMIT, "under the platform's limit in every second, both instances together: " + busiest);
        assertTrue(platform.perInstance.size() == 2 && platform.perInstance.values().stream().allMatch(n -> n >= BACKLOG / 5),
                "both instances send: " + platform.perInstance);
        Map<String, Long> statuses = pools.get(0).jdbi().withHandle(h -> h.createQuery("SELECT status FROM outbox")
                .mapTo(String.class).list()).stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of("sent", (long) BACKLOG), statuses);
    }
    /**
     * The pace's statement fails (its table is gone for two seconds, as when the database does not answer): nothing
     * goes out unpaced meanwhile, and every claimed message is sent once the pace answers again, none lost and none
     * left to wait for its lease.
     */
    @Test
    void whileThePaceCannotBeAskedMessagesWaitAndAreNotLost() throws InterruptedException {
        List<Outbound> backlog = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            backlog.add(new Outbound(new ChatRef("paced", "chat-" + i), "m" + i, List.of(), false, null, null));
        }
        Database db = pools.get(0);
        db.jdbi().useHandle(h -> OutboxStore.enqueue(h, backlog));
        db.jdbi().useHandle(h -> h.execute("ALTER TABLE send_pace RENAME TO send_pace_away"));
        StandInPlatform platform = new StandInPlatform();
        OutboxDispatcher d = new OutboxDispatcher(new OutboxStore(db.jdbi()), List.of(platform.senderFor("instance-0")));
        dispatchers.add(d);
        d.start(Duration.ofMillis(50));
        Thread.sleep(2000);
        assertEquals(List.of(), platform.texts, "nothing is sent without the pace");
        long claimed = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status = 'sending'").mapTo(Long.class).one());
        assertTrue(claimed > 0, "the dispatcher had claimed a batch and waits with it");

        db.jdbi().useHandle(h -> h.execute("ALTER TABLE send_pace_away RENAME TO send_pace"));
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (platform.texts.size() < backlog.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(backlog.size(), platform.texts.size(), "all sent once the pace answers, well before the lease (60 s) would bring them back");
        assertEquals(backlog.size(), platform.texts.stream().distinct().count(), "each once");
        assertEquals(List.of("sent"), db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT status FROM outbox").mapTo(String.class).list()));
    }
}
