package vn.contest.core.remind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.BroadcastStore;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/** Reminders before a round closes: opt-in, once each, only to who has not finished a paper, within a platform's window. */
class RemindersTest {
    static TestEngine engine() {
        return TestEngine.start(TestContest.config(TestContest.yaml() + "reminders: {hoursBeforeRoundCloses: [24, 2]}\n"));
    }

    static ChatDriver registered(TestEngine engine, String id, String phone, boolean optIn) {
        ChatDriver c = engine.chat(id);
        c.register("Người Được Nhắc", "02/03/1980", phone, 2, "3");
        assertTrue(c.text().contains("Bạn có muốn nhận tin nhắc 24 giờ và 2 giờ trước khi mỗi đợt thi kết thúc"), c.text());
        if (optIn) {
            c.tap(c.token("Nhận nhắc nhở"));
            assertTrue(c.text().contains("Đã bật nhắc nhở"), c.text());
            assertTrue(c.choices().stream().noneMatch(ch -> ch.label().equals("Nhận nhắc nhở")), "no longer offered");
        }
        return c;
    }

    static List<Outbound> remindersTo(ChatDriver c) {
        return c.replies().stream().filter(o -> o.text().startsWith("⏰ Nhắc nhở")).toList();
    }

    @Test
    void onlyThoseWhoOptedInAndHaveNotFinishedAPaperAreRemindedOnceEach() {
        try (TestEngine engine = engine()) {
            ChatDriver wants = registered(engine, "remind-1", "0913800001", true);
            ChatDriver declined = registered(engine, "remind-2", "0913800002", false);
            ChatDriver done = registered(engine, "remind-3", "0913800003", true);
            done.answerAPaper();
            done.send("50");
            ChatDriver changedMind = registered(engine, "remind-4", "0913800004", true);
            changedMind.send("tắt nhắc nhở");
            assertTrue(changedMind.text().contains("Đã tắt nhắc nhở"), changedMind.text());

            Round first = engine.contest.rounds().get(0);
            ReminderJob job = new ReminderJob(engine.db.jdbi(), () -> java.util.List.of(engine.contest), engine.clock,
                    List.of(new Reminders.Route("test", Optional.empty())));
            engine.clock.set(first.closesAt().minus(Duration.ofHours(30)));
            assertEquals(0, job.runOnce(), "nothing due yet");
            engine.clock.set(first.closesAt().minus(Duration.ofHours(23)));
            assertEquals(1, job.runOnce());
            assertEquals(0, job.runOnce(), "each reminder goes once, whichever instance runs it");

            List<Outbound> got = remindersTo(wants);
            assertEquals(1, got.size());
            assertTrue(got.get(0).text().contains("Tuần 1 kết thúc lúc 23:59"), got.get(0).text());
            assertTrue(got.get(0).choices().stream().anyMatch(ch -> ch.label().equals("Bắt đầu thi")));
            assertEquals(List.of(), remindersTo(declined), "never opted in: reminders are offered, not assumed");
            assertEquals(List.of(), remindersTo(done), "finished a paper in the round");
            assertEquals(List.of(), remindersTo(changedMind), "said tắt nhắc nhở");

            wants.tap(got.get(0).choices().get(0).token());
            assertTrue(wants.text().contains("Lượt thi thứ 1"), "the reminder's button starts a paper: " + wants.text());

            BroadcastStore.Progress progress = engine.db.jdbi().withHandle(h -> BroadcastStore.recent(h, engine.contest.id(), 5)).get(0);
            assertTrue(progress.reminder());
            assertEquals(1, progress.recipients());
            assertEquals("nhắc nhở tự động", progress.createdBy());
        }
    }

    @Test
    void onlyPeopleWhoMayStillStartAPaperAreRemindedAndTatNhacNhoDropsOneStillQueued() {
        try (TestEngine engine = engine()) {
            ChatDriver keptApart = registered(engine, "remind-8", "0913800008", true);
            ChatDriver disputed = registered(engine, "remind-9", "0913800009", true);
            ChatDriver laterExcluded = registered(engine, "remind-10", "0913800010", true);
            ChatDriver saysNo = registered(engine, "remind-11", "0913800011", true);
            engine.db.jdbi().useHandle(h -> {
                h.execute("UPDATE participants SET disputed_at = now(), dispute_resolution = 'kept_apart' WHERE phone = '0913800008'");
                h.execute("UPDATE participants SET disputed_at = now() WHERE phone = '0913800009'");
            });
            // The committee adds a member's phone to the exclusion list after they registered.
            ContestConfig c = engine.contest.config();
            ContestConfig excluding = new ContestConfig(c.code(), c.title(), c.organizer(), c.province(), c.timezone(), c.opensAt(),
                    c.closesAt(), c.rounds(), c.eligibility(), c.registration(), c.paper(), c.attempts(), c.answers(), c.prizes(),
                    new ContestConfig.Exclusions(List.of("0913800010"), List.of()), c.topics(), c.units(), c.rules(), c.groups(),
                    c.practice(), c.reminders());
            Contest contest = new Contest(engine.contest.id(), excluding, engine.contest.rounds(), engine.contest.units(), engine.contest.topics());
            ReminderJob job = new ReminderJob(engine.db.jdbi(), () -> java.util.List.of(contest), engine.clock,
                    List.of(new Reminders.Route("test", Optional.empty())));
            engine.clock.set(engine.contest.rounds().get(0).closesAt().minus(Duration.ofHours(3)));
            assertEquals(2, job.runOnce());
            assertEquals(1, remindersTo(keptApart).size(), "a dispute resolved as kept apart: they may compete");
            assertEquals(List.of(), remindersTo(disputed), "an open dispute bars papers, so no reminder");
            assertEquals(List.of(), remindersTo(laterExcluded), "on the committee's exclusion list");
            List<Outbound> seen = saysNo.send("tắt nhắc nhở");  // everything queued for the chat since it last looked
            assertTrue(seen.stream().anyMatch(o -> o.text().startsWith("Đã tắt nhắc nhở")), saysNo.text());
            assertTrue(seen.stream().noneMatch(o -> o.text().startsWith("⏰ Nhắc nhở")), "the reminder still queued is dropped");
        }
    }

    @Test
    void someoneWhoseCapsAreUsedUpIsNotRemindedOfALaterRound() {
        ContestConfig oneEach = TestContest.config(TestContest.yaml().replace("maxPerContest: 5", "maxPerContest: 1")
                + "reminders: {hoursBeforeRoundCloses: [24, 2]}\n");
        try (TestEngine engine = TestEngine.start(oneEach)) {
            ChatDriver usedUp = registered(engine, "remind-12", "0913800012", true);
            usedUp.answerAPaper();
            usedUp.send("50");
            ChatDriver fresh = registered(engine, "remind-13", "0913800013", true);
            engine.clock.set(engine.contest.rounds().get(1).closesAt().minus(Duration.ofHours(3)));
            ReminderJob job = new ReminderJob(engine.db.jdbi(), () -> java.util.List.of(engine.contest), engine.clock,
                    List.of(new Reminders.Route("test", Optional.empty())));
            assertEquals(1, job.runOnce());
            assertEquals(List.of(), remindersTo(usedUp), "the one paper the contest allows is taken: \"thi\" would be refused");
            assertEquals(1, remindersTo(fresh).size());
        }
    }

    @Test
    void aPlatformThatOnlyAnswersRecentWritersSkipsAndCountsTheOthers() {
        try (TestEngine engine = engine()) {
            ChatDriver recent = registered(engine, "remind-5", "0913800005", true);
            ChatDriver silent = registered(engine, "remind-6", "0913800006", true);
            Round first = engine.contest.rounds().get(0);
            Instant now = first.closesAt().minus(Duration.ofHours(1));
            engine.clock.set(now);
            engine.db.jdbi().useHandle(h -> h.createUpdate("UPDATE chat_accounts SET last_inbound_at = :t WHERE external_id = :id")
                    .bind("t", now.minus(Duration.ofDays(8)).atOffset(java.time.ZoneOffset.UTC)).bind("id", "remind-6").execute());
            ReminderJob job = new ReminderJob(engine.db.jdbi(), () -> java.util.List.of(engine.contest), engine.clock,
                    List.of(new Reminders.Route("test", Optional.of(Duration.ofDays(7)))));
            assertEquals(1, job.runOnce());
            assertEquals(1, remindersTo(recent).size());
            assertEquals(List.of(), remindersTo(silent), "wrote 8 days ago: outside the 7-day window");
            BroadcastStore.Progress progress = engine.db.jdbi().withHandle(h -> BroadcastStore.recent(h, engine.contest.id(), 5)).get(0);
            assertEquals(1, progress.recipients());
            assertEquals(1, progress.skipped(), "the committee sees who was skipped");

            silent.send("kết quả");
            engine.db.jdbi().useHandle(h -> assertTrue(h.createQuery(
                    "SELECT last_inbound_at > now() - interval '1 day' FROM chat_accounts WHERE external_id = 'remind-6'")
                    .mapTo(Boolean.class).one(), "writing again reopens the window"));
        }
    }
}
