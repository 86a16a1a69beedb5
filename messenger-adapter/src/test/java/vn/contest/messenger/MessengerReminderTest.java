package vn.contest.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Round;
import vn.contest.core.outbox.BroadcastStore;
import vn.contest.core.remind.ReminderJob;
import vn.contest.core.remind.Reminders;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/** Reminders over Messenger keep to the 24-hour standard window: the others are skipped and counted for the broadcast page. */
class MessengerReminderTest {
    static MessengerStandIn m;

    @BeforeAll
    static void setUp() {
        m = new MessengerStandIn(TestEngine.start(TestContest.config(TestContest.yaml() + "reminders: {hoursBeforeRoundCloses: [24, 2]}\n")));
    }

    @AfterAll
    static void tearDown() {
        m.close();
    }

    @BeforeEach
    void reset() {
        m.reset();
    }

    static void registerForReminders(String psid, String phone) {
        m.say(MessengerEvents.post(MessengerEvents.getStarted(psid, null)));
        m.tap(psid, "Đồng ý");
        m.type(psid, "Hoàng Văn Sơn");
        m.type(psid, "20/11/1970");
        m.type(psid, phone);
        m.type(psid, "2");
        m.type(psid, "3");
        m.tap(psid, "Xác nhận");
        assertTrue(m.texts(psid).stream().anyMatch(t -> t.contains("Bạn có muốn nhận tin nhắc")), m.texts(psid).toString());
        m.tap(psid, "Nhận nhắc nhở");
    }

    static void lastWrote(String psid, Instant at) {
        m.engine.db.jdbi().useHandle(h -> h.createUpdate("UPDATE chat_accounts SET last_inbound_at = :t WHERE external_id = :u")
                .bind("t", at.atOffset(ZoneOffset.UTC)).bind("u", psid).execute());
    }

    @Test
    void aReminderGoesOnlyToWhoeverWroteWithin24HoursAndTheOthersAreSkippedAndCounted() {
        String fresh = "6024687352300001";
        String quiet = "6024687352300002";
        registerForReminders(fresh, "0912000951");
        registerForReminders(quiet, "0912000952");
        assertEquals(Optional.of(Duration.ofHours(24)), m.channel.replyWindow());
        Round first = m.engine.contest.rounds().get(0);
        m.engine.clock.set(first.closesAt().minus(Duration.ofHours(23)));
        try {
            lastWrote(fresh, m.engine.clock.instant().minus(Duration.ofHours(23)));
            lastWrote(quiet, m.engine.clock.instant().minus(Duration.ofHours(25)));
            ReminderJob job = new ReminderJob(m.engine.db.jdbi(), () -> List.of(m.engine.contest), m.engine.clock,
                    List.of(new Reminders.Route(m.channel.id(), m.channel.replyWindow())));
            assertEquals(1, job.runOnce());
            m.drain();
            assertTrue(m.lastText(fresh).startsWith("⏰ Nhắc nhở: Tuần 1 kết thúc lúc"), m.lastText(fresh));
            assertEquals("Bắt đầu thi", m.last(fresh).path("message").path("quick_replies").get(0).path("title").asText());
            assertTrue(m.texts(quiet).stream().noneMatch(t -> t.contains("Nhắc nhở:")), "25 hours ago is past Messenger's window");
            BroadcastStore.Progress progress = m.engine.db.jdbi().withHandle(h -> BroadcastStore.recent(h, m.engine.contest.id(), 5)).get(0);
            assertEquals(List.of(1, 1, 1L), List.of(progress.recipients(), progress.skipped(), progress.sent()),
                    "one sent, one skipped outside the window, for the broadcast page");

            m.type(quiet, "xin chào");                          // writing again reopens the window
            lastWrote(quiet, m.engine.clock.instant());
            m.engine.clock.set(first.closesAt().minus(Duration.ofHours(1)));
            assertEquals(1, job.runOnce(), "the 2-hour reminder: the quiet one wrote 22 hours before, the other 45");
            m.drain();
            assertTrue(m.lastText(quiet).startsWith("⏰ Nhắc nhở"), m.lastText(quiet));
        } finally {
            m.engine.clock.set(Instant.now());
        }
    }
}
