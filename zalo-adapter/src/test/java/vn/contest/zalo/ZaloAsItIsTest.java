package vn.contest.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.contest.core.testing.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.channel.Alert;
import vn.contest.core.outbox.SendResult;
import vn.contest.core.testing.TestEngine;

/**
 * What the real Zalo expects, against the stand-in: the phone as a JSON number, the card's picture, buttons whose
 * payload reads as what the person chose (and a stale or forged one changing nothing), each refusal code handled,
 * OAuth errors by name, and events Zalo resends at the end of its schedule still taken.
 */
class ZaloAsItIsTest {
    static ZaloStandIn z;

    @BeforeAll
    static void setUp() {
        z = new ZaloStandIn(TestEngine.start());
    }

    @AfterAll
    static void tearDown() {
        z.close();
    }

    @BeforeEach
    void reset() {
        z.reset();
    }

    /** Follows, consents and gives name and birth date: the phone card is the last message. */
    static void upToThePhone(String user) {
        z.say(ZaloEvents.follow(user));
        z.say(ZaloEvents.text(user, ZaloStandIn.payload(z.lastText(user), "Đồng ý")));
        z.say(ZaloEvents.text(user, "Lý Văn Toàn"));
        z.say(ZaloEvents.text(user, "02/09/1975"));
    }

    static String state(String user) {
        return z.engine.db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM chat_accounts WHERE external_id = :u")
                .bind("u", user).mapTo(String.class).one());
    }

    /** Registered through Zalo's card (user/detail gives {@code phoneJson}, a JSON string or number), then a paper started. */
    static void registerAndStart(String user, String phoneJson) {
        z.zalo.stubFor(get(urlPathEqualTo("/v3.0/oa/user/detail")).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"user_id\":\"" + user + "\",\"display_name\":\"Toàn\","
                        + "\"shared_info\":{\"name\":\"Toàn\",\"phone\":" + phoneJson + ",\"address\":\"\",\"city\":\"Bắc Kạn\"}}}")));
        upToThePhone(user);
        z.say(ZaloEvents.submitInfo(user));
        await(() -> "GROUP".equals(state(user)), "the phone read from user/detail");
        z.drain();
        z.say(ZaloEvents.text(user, "1"));
        z.say(ZaloEvents.text(user, "3"));
        z.say(ZaloEvents.text(user, ZaloStandIn.payload(z.lastText(user), "Xác nhận")));
        z.say(ZaloEvents.text(user, ZaloStandIn.payload(z.lastText(user), "Bắt đầu thi")));
    }

    static JsonNode buttons(JsonNode sent) {
        return sent.path("message").path("attachment").path("payload").path("buttons");
    }

    static long answered(String user) {
        return z.count("SELECT count(*) FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id JOIN chat_accounts ca"
                + " ON ca.participant_id = a.participant_id WHERE ca.external_id = '" + user + "' AND aq.chosen_index IS NOT NULL");
    }

    static long score(String user) {
        return z.count("SELECT coalesce(sum(a.score), 0) FROM attempts a JOIN chat_accounts ca ON ca.participant_id = a.participant_id"
                + " WHERE ca.external_id = '" + user + "'");
    }

    @Test
    void aPhoneSharedAsAJsonNumberIsCapturedAndCountsAsVerified() {
        String user = "6142494823200001";
        registerAndStart(user, "84912000701");
        assertEquals(1, z.count("SELECT count(*) FROM participants WHERE phone = '0912000701' AND phone_verified_via IS NOT NULL"),
                "Zalo's own example writes shared_info.phone as a number");
    }

    @Test
    void aPhoneInTheEventItselfAsAJsonNumberIsCapturedWithoutALookUp() {
        String user = "6142494823200002";
        upToThePhone(user);
        String event = "{\"event_name\":\"user_submit_info\",\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + ZaloEvents.OA_ID
                + "\"},\"app_id\":\"" + ZaloEvents.APP_ID + "\",\"timestamp\":\"" + ZaloEvents.ts() + "\",\"info\":{\"name\":\"Toàn\",\"phone\":84912000702}}";
        z.say(event);
        assertEquals("GROUP", state(user));
        assertEquals(0, z.zalo.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/v3.0/oa/user/detail"))).size());
    }

    @Test
    void thePhoneCardCarriesThePictureTheAppServesOverItsPublicAddress() {
        String user = "6142494823200003";
        upToThePhone(user);
        List<JsonNode> sent = z.sentTo(user);
        JsonNode element = sent.get(sent.size() - 1).path("message").path("attachment").path("payload").path("elements").get(0);
        assertEquals(ZaloStandIn.PUBLIC_URL + ZaloConfig.DEFAULT_IMAGE_PATH, element.path("image_url").asText(), element.toString());
        assertEquals(1, sent.get(sent.size() - 1).path("message").path("attachment").path("payload").path("elements").size());
    }

    @Test
    void answerButtonsSayTheQuestionsNumberTheLetterAndTheOptionAndCarryNoMachinery() {
        String user = "6142494823200004";
        registerAndStart(user, "\"84912000704\"");
        JsonNode question = z.lastText(user);
        String text = question.path("message").path("text").asText();
        assertTrue(text.startsWith("Câu 1/4"), text);
        JsonNode buttons = buttons(question);
        assertTrue(buttons.size() >= 2);
        for (int i = 0; i < buttons.size(); i++) {
            String letter = String.valueOf((char) ('A' + i));
            String payload = buttons.get(i).path("payload").asText();
            assertEquals(letter, buttons.get(i).path("title").asText());
            assertTrue(payload.startsWith("Câu 1: " + letter + ". "), payload);
            String option = payload.substring(("Câu 1: " + letter + ". ").length());
            assertTrue(text.contains("\n" + letter + ". " + option), "the option as the question shows it: " + option + " in " + text);
        }
        for (JsonNode sent : z.sentTo(user)) {
            for (JsonNode b : buttons(sent)) {
                String payload = b.path("payload").asText();
                assertFalse(payload.contains("#qz") || payload.matches(".*\\b(ans|pra|attempt|consent|confirm|cmd|group|unit):.*"),
                        "a payload a person sees in their chat: " + payload);
            }
        }
        z.say(ZaloEvents.text(user, buttons.get(1).path("payload").asText()));
        assertEquals(1, answered(user), "the tap answered question 1");
        assertTrue(z.lastText(user).path("message").path("text").asText().startsWith("Câu 2/4"));
    }

    @Test
    void aStaleOrForgedTapChangesNothing() {
        String user = "6142494823200005";
        registerAndStart(user, "\"84912000705\"");
        JsonNode first = buttons(z.lastText(user));
        z.say(ZaloEvents.text(user, first.get(0).path("payload").asText()));
        assertEquals(1, answered(user));
        long score = score(user);
        JsonNode second = z.lastText(user);

        // Question 1's buttons again, the same and another letter: stale.
        z.say(ZaloEvents.text(user, first.get(0).path("payload").asText()));
        z.say(ZaloEvents.text(user, first.get(1).path("payload").asText()));
        assertEquals(1, answered(user), "a stale tap is not an answer to the current question");
        assertEquals(score, score(user));
        assertTrue(z.sentTo(user).stream().anyMatch(b -> b.path("message").path("text").asText()
                .contains("đã được trả lời hoặc không còn hiệu lực")), "the stale notice");

        // Words never sent to this chat: question 2's number with a made-up option, another person's, a forged token.
        z.say(ZaloEvents.text(user, "Câu 2: A. Phương án không có trong câu hỏi"));
        z.say(ZaloEvents.text(user, "#qz ans:999999:1:A"));
        assertEquals(1, answered(user), "forged words or tokens answer nothing");
        assertEquals(score, score(user));

        // Another person's button words mean nothing here (at most this chat's own stale question 1).
        String other = "6142494823200006";
        registerAndStart(other, "\"84912000706\"");
        z.say(ZaloEvents.text(user, buttons(z.lastText(other)).get(0).path("payload").asText()));
        assertEquals(1, answered(user));
        assertEquals(score, score(user));
        assertEquals(second.path("message").path("text").asText().substring(0, 8), z.lastText(user).path("message").path("text").asText()
                .substring(0, 8), "still on question 2");

        // The current question's own button still works.
        z.say(ZaloEvents.text(user, buttons(z.lastText(user)).get(0).path("payload").asText()));
        assertEquals(2, answered(user));
    }

    /**
     * A label people also type ("Đồng ý") stands for its button only while that offer is the latest: typed at the
     * summary it registers, as typed text does there, rather than being read as the consent button sent earlier.
     */
    @Test
    void wordsOfAnOlderOfferAreReadAsTypedText() {
        String user = "6142494823200007";
        z.zalo.stubFor(get(urlPathEqualTo("/v3.0/oa/user/detail")).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"user_id\":\"" + user + "\",\"shared_info\":{\"phone\":\"84912000707\"}}}")));
        upToThePhone(user);
        z.say(ZaloEvents.submitInfo(user));
        await(() -> "GROUP".equals(state(user)), "the phone read from user/detail");
        z.drain();
        z.say(ZaloEvents.text(user, "1"));
        z.say(ZaloEvents.text(user, "3"));
        assertEquals("CONFIRM", state(user));
        z.say(ZaloEvents.text(user, "Đồng ý"));
        assertEquals("READY", state(user), "\"đồng ý\" typed at the summary registers");
    }

    @Test
    void eachRefusalCodeIsHeldWithAnAlertOrKeptAsUndeliverableWithItsReason() {
        Map<Integer, String> held = Map.of(-211, "ZALO_QUOTA_EXCEEDED", -224, "ZALO_PACKAGE_LIMIT", -320, "ZALO_NO_BALANCE",
                -321, "ZALO_NO_BALANCE", -221, "ZALO_OA_NOT_VERIFIED", -234, "ZALO_NIGHT_BAN");
        ZaloChannel channel = new ZaloChannel(z.config, z.engine.dialogue, z.engine.db.jdbi(), Clock.systemUTC());
        long n = 0;
        for (var e : held.entrySet()) {
            String user = "61424948232101" + (n++);
            refuse(user, e.getKey(), "refused for now");
            z.say(ZaloEvents.follow(user));
            Map<String, Object> row = row(user);
            assertEquals("pending", row.get("status"), e.getKey() + " is kept: " + row);
            assertEquals(e.getValue(), row.get("held_alert"));
            assertEquals(0, row.get("tries"), "a held try does not count towards giving up");
            assertTrue(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant().isAfter(Instant.now().plus(Duration.ofMinutes(1))),
                    "tried again later, not at once: " + row);
            assertTrue(row.get("last_error").toString().startsWith(e.getKey().toString()), row.toString());
        }
        List<Alert> alerts = channel.alerts();
        for (String code : held.values()) {
            Alert alert = alerts.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " in " + alerts));
            assertTrue(alert.text().contains("tin đang chờ gửi") && alert.text().contains("cần làm"), alert.text());
        }
        // Put right: the held messages go, and the alerts clear.
        z.zalo.resetAll();
        z.reset();
        z.engine.db.jdbi().useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = now() WHERE held_alert IS NOT NULL"));
        z.drain();
        assertEquals(0, z.count("SELECT count(*) FROM outbox WHERE channel = 'zalo' AND status <> 'sent'"));
        assertTrue(channel.alerts().isEmpty(), channel.alerts().toString());
        channel.close();

        for (int code : new int[] {-213, -217, -227, -230, -232, -244, -201, -210}) {
            String user = "6142494823220" + Math.abs(code);
            refuse(user, code, "the person cannot receive it");
            z.say(ZaloEvents.follow(user));
            Map<String, Object> row = row(user);
            assertEquals("failed", row.get("status"), code + ": " + row);
            assertTrue(row.get("last_error").toString().startsWith(code + " the person cannot receive it"), row.toString());
            assertEquals(null, row.get("held_alert"));
        }

        String unknown = "6142494823230001";
        refuse(unknown, -999, "something new");
        z.say(ZaloEvents.follow(unknown));
        Map<String, Object> row = row(unknown);
        assertEquals("pending", row.get("status"), "an unknown code is retried, not dropped: " + row);
        assertEquals(null, row.get("held_alert"));
        assertTrue(row.get("last_error").toString().startsWith("-999"));
    }

    static void refuse(String user, int code, String message) {
        z.zalo.stubFor(post(urlPathEqualTo("/v3.0/oa/message/cs")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo(user)))
                .willReturn(okJson("{\"error\":" + code + ",\"message\":\"" + message + "\"}")));
    }

    static Map<String, Object> row(String user) {
        return z.engine.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, tries, held_alert, last_error, next_attempt_at FROM outbox WHERE chat_id = :c ORDER BY id LIMIT 1")
                .bind("c", user).mapToMap().one());
    }

    @Test
    void theNightBanWaitsForSixInTheMorningVietnamTime() {
        ZaloApi.Reply night = new ZaloApi.Reply(-234, "Cannot be sent at night", null);
        assertEquals(Duration.ofHours(6).plusMinutes(31), held(night, "2026-12-07T23:30:00+07:00").after());
        assertEquals(Duration.ofHours(3).plusMinutes(1), held(night, "2026-12-08T03:00:00+07:00").after());
        assertEquals(Duration.ofHours(1), held(night, "2026-12-08T14:00:00+07:00").after(), "refused by day: tried within the hour");
        assertEquals(Duration.ofMinutes(30), held(new ZaloApi.Reply(-211, "Out of quota", null), "2026-12-08T14:00:00+07:00").after());
    }

    static SendResult.Held held(ZaloApi.Reply reply, String at) {
        Clock clock = Clock.fixed(ZonedDateTime.parse(at).toInstant(), ZaloRefusals.VIETNAM);
        return (SendResult.Held) ZaloRefusals.classify(reply, clock);
    }

    @Test
    void aRefusedRefreshIsLoggedAndAlertedByOAuthsErrorName() {
        z.zalo.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).atPriority(1).willReturn(okJson(
                "{\"error\":-14014,\"error_name\":\"invalid_grant\",\"error_reason\":\"refresh token expired or used\","
                        + "\"error_description\":\"Refresh token is invalid\"}")));
        try {
            z.tokens.refresh("AT1");
        } catch (IllegalStateException expected) {
            // recorded
        }
        String alert = z.tokens.alert().orElseThrow();
        assertTrue(alert.contains("-14014") && alert.contains("invalid_grant") && alert.contains("Refresh token is invalid"), alert);
    }

    @Test
    void anEventZaloResendsAtTheEndOfItsRetryScheduleIsStillTaken() {
        Duration schedule = ZaloConfig.RETRY_SCHEDULE.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(z.config.maxEventAge().compareTo(schedule.plusMinutes(30)) > 0, "the window covers the schedule with room");
        String user = "6142494823240001";
        long before = z.count("SELECT count(*) FROM inbound_events");
        String now = ZaloEvents.text(user, "xin chào");
        String stamp = ZaloStandIn.read(now).path("timestamp").asText();
        String late = now.replace(stamp, String.valueOf(Long.parseLong(stamp) - schedule.plusMinutes(10).toMillis()));
        assertEquals("ok", z.deliver(late, ZaloStandIn.sign(late)).body(), "the last resend, 2 h after the message");
        assertEquals(before + 1, z.count("SELECT count(*) FROM inbound_events"));
        String replay = now.replace(stamp, String.valueOf(Long.parseLong(stamp) - z.config.maxEventAge().plusMinutes(5).toMillis()))
                .replace("cb31dff1c3", "replayed00");
        assertEquals("ignored", z.deliver(replay, ZaloStandIn.sign(replay)).body());
    }

    @Test
    void remindersKeepToTheFree48HoursUnlessTheCommitteeAcceptsPaidMessages() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("ZALO_APP_ID", "1", "ZALO_APP_SECRET", "s", "ZALO_OA_SECRET_KEY", "k",
                "ZALO_ACCESS_TOKEN", "a", "ZALO_REFRESH_TOKEN", "r"));
        try (ZaloChannel free = new ZaloChannel(ZaloConfig.fromEnv(env).orElseThrow(), null, z.engine.db.jdbi(), Clock.systemUTC())) {
            assertEquals(java.util.Optional.of(Duration.ofHours(48)), free.replyWindow());
        }
        env.put("ZALO_PAID_MESSAGES", "true");
        try (ZaloChannel paid = new ZaloChannel(ZaloConfig.fromEnv(env).orElseThrow(), null, z.engine.db.jdbi(), Clock.systemUTC())) {
            assertEquals(java.util.Optional.of(Duration.ofDays(7)), paid.replyWindow());
        }
    }
}
