package vn.contest.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.contest.core.testing.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

/** Practice, answer review and reminders played through signed Zalo events, with WireMock as the OA API. */
class ZaloLearningTest {
    static ZaloStandIn z;
    static Set<Long> practiceIds;

    @BeforeAll
    static void setUp() {
        z = new ZaloStandIn(TestEngine.start(TestContest.config(TestContest.yaml() + "reminders: {hoursBeforeRoundCloses: [24, 2]}\n")));
        practiceIds = z.engine.importPracticeQuestions();
    }

    @AfterAll
    static void tearDown() {
        z.close();
    }

    @BeforeEach
    void reset() {
        z.reset();
    }

    static String text(String user) {
        return z.lastText(user).path("message").path("text").asText();
    }

    static void tap(String user, String title) {
        z.say(ZaloEvents.text(user, ZaloStandIn.payload(z.lastText(user), title)));
    }

    /** Follows the OA, shares the phone with Zalo's card, and registers; reminders are offered, not taken. */
    static void register(String user, String phone) {
        z.zalo.stubFor(get(urlPathEqualTo("/v3.0/oa/user/detail")).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"user_id\":\"" + user + "\",\"display_name\":\"Hoa\","
                        + "\"shared_info\":{\"name\":\"Hoa\",\"phone\":\"" + phone + "\",\"address\":\"\",\"city\":\"Bắc Kạn\"}}}")));
        z.say(ZaloEvents.follow(user));
        tap(user, "Đồng ý");
        z.say(ZaloEvents.text(user, "Nông Thị Hoa"));
        z.say(ZaloEvents.text(user, "12/12/1963"));
        z.say(ZaloEvents.submitInfo(user));
        await(() -> "GROUP".equals(z.engine.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT state FROM chat_accounts WHERE external_id = :u").bind("u", user).mapTo(String.class).one())), "phone read");
        z.drain();
        z.say(ZaloEvents.text(user, "2"));
        z.say(ZaloEvents.text(user, "3"));
        tap(user, "Xác nhận");
        assertTrue(z.sentTo(user).stream().anyMatch(b -> b.path("message").path("text").asText().contains("Bạn có muốn nhận tin nhắc")));
    }

    @Test
    void practiceAndTheAnswerReviewOverZalo() {
        String user = "6142494823100001";
        register(user, "84912000401");
        tap(user, "Luyện tập");
        assertTrue(text(user).startsWith("Câu luyện tập 1/3"), text(user));
        for (int i = 0; i < 3; i++) {
            JsonNode question = z.lastText(user);
            z.say(ZaloEvents.text(user, question.path("message").path("attachment").path("payload").path("buttons").get(0).path("payload").asText()));
            String feedback = z.sentTo(user).stream().map(b -> b.path("message").path("text").asText())
                    .filter(t -> t.startsWith("✅") || t.startsWith("❌")).reduce((a, b) -> b).orElse("");
            assertTrue(feedback.contains("Đáp án đúng: ") && feedback.contains("Giải thích: Cẩm nang luyện tập mục"), feedback);
            assertEquals(i + 1, z.sentTo(user).stream().filter(b -> b.path("message").path("text").asText().startsWith("✅")
                    || b.path("message").path("text").asText().startsWith("❌")).count(), "one verdict per answer");
        }
        assertTrue(z.sentTo(user).stream().anyMatch(b -> b.path("message").path("text").asText().contains("đúng")
                && b.path("message").path("text").asText().contains("/3 câu luyện tập")), "the set's score");
        Set<Long> practised = new HashSet<>(z.engine.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT DISTINCT unnest(question_ids) FROM practice_sets").mapTo(Long.class).list()));
        assertEquals(practiceIds, practised, "no contest question while its round runs");

        tap(user, "Bắt đầu thi");
        for (int i = 0; i < 4; i++) {
            z.say(ZaloEvents.text(user, "a"));
        }
        z.say(ZaloEvents.text(user, "1000"));
        z.say(ZaloEvents.text(user, "xem đáp án"));
        assertTrue(z.sentTo(user).stream().anyMatch(b -> b.path("message").path("text").asText().contains("Đáp án sẽ được công bố")));

        Round first = z.engine.contest.rounds().get(0);
        z.engine.clock.set(first.closesAt().plus(Duration.ofHours(1)));
        try {
            z.say(ZaloEvents.text(user, "Xem đáp án"));
            List<JsonNode> sent = z.sentTo(user);
            String review = sent.get(sent.size() - 2).path("message").path("text").asText();
            assertTrue(review.startsWith("Đáp án lượt thi thứ 1 (Tuần 1), câu 1-4/4") && review.contains("Bạn chọn A."), review);
            for (var r : z.csCalls()) {
                JsonNode m = ZaloStandIn.read(r.getBodyAsString()).path("message");
                assertTrue(m.path("text").asText("").length() <= ZaloSender.MAX_TEXT);
                assertTrue(m.path("attachment").path("payload").path("buttons").size() <= ZaloSender.MAX_BUTTONS);
            }
        } finally {
            z.engine.clock.set(java.time.Instant.now());
        }
    }

    @Test
    void remindersGoOnlyToOptedInPeopleWhoWroteWithinSevenDaysAndTheOthersAreCounted() {
        String recent = "6142494823100002";
        String silent = "6142494823100003";
        String declined = "6142494823100004";
        register(recent, "84912000402");
        tap(recent, "Nhận nhắc nhở");
        register(silent, "84912000403");
        tap(silent, "Nhận nhắc nhở");
        register(declined, "84912000404");
        Round first = z.engine.contest.rounds().get(0);
        z.engine.clock.set(first.closesAt().minus(Duration.ofHours(23)));
        try {
            z.engine.db.jdbi().useHandle(h -> h.createUpdate("UPDATE chat_accounts SET last_inbound_at = :t WHERE external_id = :u")
                    .bind("t", z.engine.clock.instant().minus(Duration.ofDays(8)).atOffset(java.time.ZoneOffset.UTC)).bind("u", silent).execute());
            ReminderJob job = new ReminderJob(z.engine.db.jdbi(), () -> java.util.List.of(z.engine.contest), z.engine.clock,
                    List.of(new Reminders.Route(z.sender.channel(), Optional.of(ZaloChannel.REPLY_WINDOW))));
            assertEquals(1, job.runOnce());
            z.drain();
            assertTrue(text(recent).startsWith("⏰ Nhắc nhở: Tuần 1 kết thúc lúc"), text(recent));
            assertEquals("Bắt đầu thi", z.lastText(recent).path("message").path("attachment").path("payload").path("buttons")
                    .get(0).path("title").asText());
            assertTrue(!text(silent).contains("Nhắc nhở") && !text(declined).contains("Nhắc nhở"));
            BroadcastStore.Progress progress = z.engine.db.jdbi().withHandle(h -> BroadcastStore.recent(h, z.engine.contest.id(), 5)).get(0);
            assertEquals(List.of(1, 1, 1L), List.of(progress.recipients(), progress.skipped(), progress.sent()),
                    "one sent, one skipped outside the window, for the broadcast page");

            z.say(ZaloEvents.text(silent, "xin chào"));           // writing again reopens the window
            z.engine.clock.set(first.closesAt().minus(Duration.ofHours(1)));
            assertEquals(2, job.runOnce());
            z.drain();
            assertTrue(text(silent).startsWith("⏰ Nhắc nhở"), text(silent));
            z.say(ZaloEvents.text(silent, "tắt nhắc nhở"));
            assertTrue(text(silent).contains("Đã tắt nhắc nhở") || z.sentTo(silent).stream()
                    .anyMatch(b -> b.path("message").path("text").asText().contains("Đã tắt nhắc nhở")));
            assertEquals(0L, z.count("SELECT count(*) FROM chat_accounts WHERE reminders AND external_id = '" + silent + "'"));
        } finally {
            z.engine.clock.set(java.time.Instant.now());
        }
    }

    /**
     * By default the channel's window is Zalo's free 48 hours: a reminder is not sent (and paid for) to someone who
     * last wrote three days ago, but is counted as skipped; with paid messages accepted it goes.
     */
    @Test
    void byDefaultRemindersKeepToTheFree48Hours() {
        String fresh = "6142494823100012";
        String quiet = "6142494823100013";
        register(fresh, "84912000412");
        tap(fresh, "Nhận nhắc nhở");
        register(quiet, "84912000413");
        tap(quiet, "Nhận nhắc nhở");
        Round first = z.engine.contest.rounds().get(0);
        z.engine.clock.set(first.closesAt().minus(Duration.ofHours(23)));
        var jdbi = z.engine.db.jdbi();
        Runnable forgetReminders = () -> jdbi.useHandle(h -> {
            h.execute("DELETE FROM outbox WHERE broadcast_id IN (SELECT id FROM broadcasts WHERE reminder_key IS NOT NULL)");
            h.execute("DELETE FROM broadcasts WHERE reminder_key IS NOT NULL");
        });
        try {
            forgetReminders.run();
            jdbi.useHandle(h -> h.createUpdate("UPDATE chat_accounts SET last_inbound_at = :t WHERE external_id = :u")
                    .bind("t", z.engine.clock.instant().minus(Duration.ofDays(3)).atOffset(java.time.ZoneOffset.UTC)).bind("u", quiet).execute());
            jdbi.useHandle(h -> h.createUpdate("UPDATE chat_accounts SET last_inbound_at = :t WHERE external_id = :u")
                    .bind("t", z.engine.clock.instant().minus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.UTC)).bind("u", fresh).execute());
            for (boolean paid : new boolean[] {false, true}) {
                ZaloConfig config = new ZaloConfig(z.config.appId(), z.config.appSecret(), z.config.oaSecretKey(), "AT1", "RT1",
                        z.config.apiUrl(), z.config.oauthUrl(), null, null, z.config.maxEventAge(), null, null, null, paid);
                try (ZaloChannel channel = new ZaloChannel(config, z.engine.dialogue, jdbi, java.time.Clock.systemUTC())) {
                    new ReminderJob(jdbi, () -> java.util.List.of(z.engine.contest), z.engine.clock,
                            List.of(new Reminders.Route(channel.id(), channel.replyWindow()))).runOnce();
                }
                long toQuiet = z.count("SELECT count(*) FROM outbox WHERE chat_id = '" + quiet + "' AND broadcast_id IS NOT NULL");
                long toFresh = z.count("SELECT count(*) FROM outbox WHERE chat_id = '" + fresh + "' AND broadcast_id IS NOT NULL");
                assertEquals(1, toFresh, "someone who wrote today gets it");
                assertEquals(paid ? 1 : 0, toQuiet, paid ? "paid messages accepted: 3 days is within Zalo's 7" : "3 days is past the free 48 hours");
                if (!paid) {
                    assertTrue(z.count("SELECT max(skipped) FROM broadcasts WHERE reminder_key IS NOT NULL") >= 1, "and is counted as skipped");
                }
                forgetReminders.run();
            }
        } finally {
            forgetReminders.run();
            jdbi.useHandle(h -> h.execute("UPDATE chat_accounts SET reminders = false WHERE external_id IN ('" + fresh + "', '" + quiet + "')"));
            z.engine.clock.set(java.time.Instant.now());
        }
    }
}
