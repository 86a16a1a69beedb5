package vn.contest.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.ChatRef;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestEngine;
import static vn.contest.core.testing.Eventually.await;

/** The Zalo channel end to end: signed webhook events, the real engine and database, WireMock as the OA API and OAuth. */
class ZaloChannelTest {
    static ZaloStandIn standIn;
    static TestEngine engine;
    static Database db;
    static Dialogue dialogue;
    static WireMockServer zalo;
    static ZaloConfig config;
    static ZaloTokens tokens;
    static ZaloSender sender;
    static ZaloWebhook webhook;
    static OutboxDispatcher dispatcher;
    static final HttpClient HTTP = ZaloStandIn.HTTP;

    @BeforeAll
    static void setUp() {
        standIn = new ZaloStandIn(TestEngine.start());
        engine = standIn.engine;
        db = engine.db;
        dialogue = engine.dialogue;
        zalo = standIn.zalo;
        config = standIn.config;
        tokens = standIn.tokens;
        sender = standIn.sender;
        webhook = standIn.webhook;
        dispatcher = standIn.dispatcher;
    }

    @AfterAll
    static void tearDown() {
        standIn.close();
    }

    @BeforeEach
    void resetZalo() {
        standIn.reset();
    }

    static HttpResponse<String> deliver(String body, String signature) {
        return standIn.deliver(body, signature);
    }

    static String sign(String body) {
        return ZaloStandIn.sign(body);
    }

    static void say(String body) {
        standIn.say(body);
    }

    static void drain() {
        standIn.drain();
    }

    static JsonNode read(String s) {
        return ZaloStandIn.read(s);
    }

    static List<LoggedRequest> csCalls() {
        return standIn.csCalls();
    }

    static List<JsonNode> sentTo(String user) {
        return standIn.sentTo(user);
    }

    static JsonNode lastText(String user) {
        return standIn.lastText(user);
    }

    static String payload(JsonNode sent, String title) {
        return ZaloStandIn.payload(sent, title);
    }

    static long count(String sql) {
        return standIn.count(sql);
    }

    @Test
    void followRegisterAndTakeAPaperWithButtonsAndTypedAnswers() {
        String user = "6142494823000001";
        zalo.stubFor(get(urlPathEqualTo("/v3.0/oa/user/detail")).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"user_id\":\"" + user + "\",\"display_name\":\"Lan\","
                        + "\"shared_info\":{\"name\":\"Lan\",\"phone\":\"84912000321\",\"address\":\"\",\"city\":\"Bắc Kạn\"}}}")));
        say(ZaloEvents.follow(user));
        assertTrue(sentTo(user).get(0).path("message").path("text").asText().contains("Chào mừng"));
        say(ZaloEvents.text(user, payload(lastText(user), "Đồng ý")));
        say(ZaloEvents.text(user, "Hà Thị Lan"));
        say(ZaloEvents.text(user, "12/12/2000"));
        JsonNode card = sentTo(user).get(sentTo(user).size() - 1);
        assertEquals("request_user_info", card.path("message").path("attachment").path("payload").path("template_type").asText(),
                "the phone is asked with Zalo's share-info card");
        say(ZaloEvents.submitInfo(user));
        await(() -> "GROUP".equals(db.jdbi().withHandle(h -> h.createQuery(
                "SELECT state FROM chat_accounts WHERE external_id = :u").bind("u", user).mapTo(String.class).one())), "the phone read from user/detail");
        drain();
        say(ZaloEvents.text(user, "1"));
        say(ZaloEvents.text(user, "3"));                        // Huyện B, typed as its number
        say(ZaloEvents.text(user, payload(lastText(user), "Xác nhận")));
        say(ZaloEvents.text(user, payload(lastText(user), "Bắt đầu thi")));
        List<String> answers = List.of("b", "Đáp án B", "dap an a", "BUTTON");
        for (String answer : answers) {
            JsonNode question = lastText(user);
            assertTrue(question.path("message").path("text").asText().matches("(?s)Câu \\d/4.*"), question.toString());
            JsonNode buttons = question.path("message").path("attachment").path("payload").path("buttons");
            // The draw is random: a question may have only A and B, so "c" may be refused and asked again.
            say(ZaloEvents.text(user, answer.equals("BUTTON") ? buttons.get(buttons.size() - 1).path("payload").asText() : answer));
        }
        say(ZaloEvents.text(user, "1234 người"));
        assertTrue(lastText(user).path("message").path("text").asText().contains("Bạn muốn làm gì tiếp theo"), lastText(user).toString());
        assertTrue(sentTo(user).stream().anyMatch(b -> b.path("message").path("text").asText().contains("Số câu trả lời đúng")));
        assertEquals(4, count("SELECT count(*) FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id "
                + "JOIN participants p ON p.id = a.participant_id WHERE p.phone = '0912000321' AND aq.chosen_index IS NOT NULL"));
        for (LoggedRequest r : csCalls()) {
            assertEquals("AT1", r.getHeader("access_token"));
            JsonNode m = read(r.getBodyAsString()).path("message");
            assertTrue(m.path("text").asText("").length() <= ZaloSender.MAX_TEXT);
            assertTrue(m.path("attachment").path("payload").path("buttons").size() <= ZaloSender.MAX_BUTTONS);
        }
    }

    @Test
    void unsignedTamperedAndReplayedEventsChangeNothing() {
        String user = "6142494823000002";
        long before = count("SELECT count(*) FROM inbound_events");
        String event = ZaloEvents.text(user, "xin chào");
        String signature = sign(event);
        assertEquals(401, deliver(event, null).statusCode());
        assertEquals(401, deliver(event.replace("xin chào", "xin chao"), signature).statusCode(), "tampered body");
        assertEquals(401, deliver(event, ZaloSignature.sign(ZaloEvents.APP_ID, event.getBytes(StandardCharsets.UTF_8),
                read(event).path("timestamp").asText(), "app-secret")).statusCode(), "signed with the wrong secret");
        assertEquals(before, count("SELECT count(*) FROM inbound_events"));
        assertEquals(200, deliver(event, signature).statusCode());
        assertEquals(200, deliver(event, signature).statusCode(), "a replay is acknowledged");
        drain();
        assertEquals(before + 1, count("SELECT count(*) FROM inbound_events"));
        assertEquals(2, sentTo(user).size(), "welcome and consent once, not twice");
    }

    @Test
    void aCorrectlySignedEventFromLastYearOrFromTheFutureIsAcknowledgedAndIgnored() {
        String user = "6142494823000099";
        long before = count("SELECT count(*) FROM inbound_events");
        String now = ZaloEvents.text(user, "xin chào");
        String stamp = read(now).path("timestamp").asText();
        for (long shift : new long[] {-365L * 24 * 3600 * 1000, 10L * 60 * 1000}) {
            String old = now.replace(stamp, String.valueOf(Long.parseLong(stamp) + shift));
            HttpResponse<String> r = deliver(old, sign(old));
            assertEquals(200, r.statusCode(), "acknowledged, so Zalo does not send it again");
            assertEquals("ignored", r.body());
        }
        drain();
        assertEquals(before, count("SELECT count(*) FROM inbound_events"), "and nothing was handled");
        assertEquals(0, sentTo(user).size());
    }

    @Test
    void echoesAndReceiptsAreIgnoredAndOtherMediaGetAPoliteHint() {
        String user = "6142494823000003";
        long before = count("SELECT count(*) FROM inbound_events");
        say(ZaloEvents.echo(user));
        assertEquals(before, count("SELECT count(*) FROM inbound_events"));
        assertTrue(sentTo(user).isEmpty());
        say(ZaloEvents.sticker(user));
        assertEquals(ZaloWebhook.NOT_TEXT, lastText(user).path("message").path("text").asText());
        assertEquals(400, deliver("{not json", "mac=00").statusCode());
        assertEquals(400, deliver("{\"hello\":1}", "mac=00").statusCode());
    }

    @Test
    void anInvalidTokenIsRefreshedOnceThePairPersistedAndTheSendRetried() {
        zalo.stubFor(post(urlPathEqualTo("/v3.0/oa/message/cs")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"error\":-216,\"message\":\"Access token is invalid\"}")).willSetStateTo("fresh"));
        say(ZaloEvents.follow("6142494823000004"));
        assertEquals(1, zalo.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v4/oa/access_token"))).size());
        LoggedRequest refresh = zalo.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v4/oa/access_token"))).get(0);
        assertEquals("app-secret", refresh.getHeader("secret_key"));
        assertTrue(refresh.getBodyAsString().contains("refresh_token=RT1") && refresh.getBodyAsString().contains("grant_type=refresh_token"));
        Map<String, Object> pair = db.jdbi().withHandle(h -> h.createQuery("SELECT access_token, refresh_token FROM platform_tokens").mapToMap().one());
        assertEquals(Map.of("access_token", "AT2", "refresh_token", "RT2"), pair);
        List<LoggedRequest> sends = csCalls();
        assertEquals("AT1", sends.get(0).getHeader("access_token"));
        assertEquals("AT2", sends.get(1).getHeader("access_token"), "the refused send went again with the new token");
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE channel = 'zalo' AND status <> 'sent'"));
    }

    @Test
    void twoInstancesNeedingARefreshAtOnceMakeOneRefreshCall() throws Exception {
        zalo.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).atPriority(1).willReturn(okJson(
                "{\"access_token\":\"AT2\",\"refresh_token\":\"RT2\",\"expires_in\":\"90000\"}").withFixedDelay(300)));
        ZaloTokens other = new ZaloTokens(db.jdbi(), config, new OkHttpClient(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<String> a = pool.submit(() -> {
                go.await();
                return tokens.refresh("AT1");
            });
            Future<String> b = pool.submit(() -> {
                go.await();
                return other.refresh("AT1");
            });
            go.countDown();
            assertEquals("AT2", a.get());
            assertEquals("AT2", b.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, zalo.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v4/oa/access_token"))).size());
    }

    @Test
    void aUserOutsideTheWindowIsNotRetriedAndLongTextIsSplit() {
        String gone = "6142494823000005";
        zalo.stubFor(post(urlPathEqualTo("/v3.0/oa/message/cs")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.recipient.user_id",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(gone)))
                .willReturn(okJson("{\"error\":-230,\"message\":\"User has not interacted with the OA in the past 7 days\"}")));
        say(ZaloEvents.follow(gone));
        Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, tries, last_error FROM outbox WHERE chat_id = :c ORDER BY id LIMIT 1").bind("c", gone).mapToMap().one());
        assertEquals("failed", row.get("status"));
        assertEquals(1, row.get("tries"));
        assertTrue(row.get("last_error").toString().startsWith("-230"), row.toString());

        String reader = "6142494823000006";
        String longText = "Điều khoản thể lệ số một, giải thích chi tiết.\n".repeat(65);
        assertTrue(longText.length() > 3000);
        db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(new Outbound(new ChatRef("zalo", reader), longText, List.of(), false, null, null))));
        drain();
        List<JsonNode> parts = sentTo(reader);
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.path("message").path("text").asText().length() <= ZaloSender.MAX_TEXT));
        assertFalse(parts.get(0).path("message").path("text").asText().endsWith("chi"), "cut on a line boundary");
    }

    @Test
    void aFailedRefreshIsRecordedAsAnAlert() {
        zalo.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).atPriority(1).willReturn(okJson(
                "{\"error\":-14014,\"message\":\"Invalid refresh token\"}")));
        try {
            tokens.refresh("AT1");
        } catch (IllegalStateException expected) {
            // logged loudly and recorded
        }
        assertTrue(tokens.alert().orElseThrow().contains("Invalid refresh token"), tokens.alert().toString());
        assertEquals("RT1", db.jdbi().withHandle(h -> h.createQuery("SELECT refresh_token FROM platform_tokens").mapTo(String.class).one()),
                "the stored pair is untouched");
    }
}
