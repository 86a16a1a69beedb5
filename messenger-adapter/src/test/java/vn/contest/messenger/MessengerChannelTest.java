package vn.contest.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.channel.Alert;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.testing.TestEngine;

/** The Messenger channel end to end: signed webhook events, the real engine and database, WireMock as the Graph API. */
class MessengerChannelTest {
    static MessengerStandIn m;

    @BeforeAll
    static void setUp() {
        m = new MessengerStandIn(TestEngine.start());
    }

    @AfterAll
    static void tearDown() {
        m.close();
    }

    @BeforeEach
    void reset() {
        m.reset();
    }

    static long inboundEvents() {
        return m.count("SELECT count(*) FROM inbound_events WHERE channel = 'messenger'");
    }

    @Test
    void aWholeRegistrationAndPaperThroughSignedEvents() {
        String psid = "6024687352100001";
        m.say(MessengerEvents.post(MessengerEvents.getStarted(psid, null)));
        assertTrue(m.texts(psid).get(0).startsWith("Chào mừng"), m.texts(psid).toString());
        m.tap(psid, "Đồng ý");
        m.type(psid, "Hà Thị Lan");
        m.type(psid, "12/12/2000");
        JsonNode askPhone = m.last(psid).path("message").path("quick_replies");
        assertEquals("user_phone_number", askPhone.get(0).path("content_type").asText(), "the phone is asked with Messenger's phone quick reply");
        // Tapping it sends the number from the person's account, in the payload and the text.
        m.say(MessengerEvents.post(MessengerEvents.quickReply(psid, "+84 912 000 321", "+84912000321")));
        m.type(psid, "1");
        m.type(psid, "3");                                      // Huyện B, typed as its number
        m.tap(psid, "Xác nhận");
        m.tap(psid, "Bắt đầu thi");
        for (int i = 0; i < 4; i++) {
            JsonNode question = m.last(psid).path("message");
            assertTrue(question.path("text").asText().matches("(?s)Câu \\d/4.*"), question.toString());
            JsonNode options = question.path("quick_replies");
            assertTrue(options.size() >= 2, "the options as quick replies: " + question);
            m.tap(psid, options.get(i % options.size()).path("title").asText());
        }
        m.type(psid, "1234 người");
        assertTrue(m.texts(psid).stream().anyMatch(t -> t.contains("Số câu trả lời đúng")), m.texts(psid).toString());
        assertTrue(m.lastText(psid).contains("Bạn muốn làm gì tiếp theo"), m.lastText(psid));
        assertEquals(4, m.count("SELECT count(*) FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id "
                + "JOIN participants p ON p.id = a.participant_id WHERE p.phone = '0912000321' AND aq.chosen_index IS NOT NULL"));
        assertEquals(1, m.count("SELECT count(*) FROM participants WHERE phone = '0912000321' AND phone_verified_via IS NULL"),
                "a phone from Messenger's quick reply counts as typed, not verified");
        for (LoggedRequest r : m.sendCalls()) {
            assertEquals(MessengerStandIn.PAGE_TOKEN, r.queryParameter("access_token").firstValue());
            JsonNode body = MessengerStandIn.read(r.getBodyAsString());
            assertEquals("RESPONSE", body.path("messaging_type").asText());
            assertTrue(body.path("message").path("text").asText().length() <= MessengerSender.MAX_TEXT);
            assertTrue(body.path("message").path("quick_replies").size() <= MessengerSender.MAX_QUICK_REPLIES);
            for (JsonNode q : body.path("message").path("quick_replies")) {
                assertTrue(q.path("title").asText("").codePointCount(0, q.path("title").asText("").length()) <= MessengerSender.MAX_TITLE, q.toString());
            }
        }
    }

    @Test
    void forgedAndUnsignedEventsAreRefusedAndNothingIsStored() {
        String psid = "6024687352100002";
        long before = inboundEvents();
        String body = MessengerEvents.post(MessengerEvents.text(psid, "xin chào"));
        String signature = MessengerStandIn.sign(body);
        assertEquals(401, m.deliver(body, null).statusCode(), "unsigned");
        assertEquals(401, m.deliver(body.replace("xin ch", "xin Ch"), signature).statusCode(), "tampered body");
        assertEquals(401, m.deliver(body, MessengerSignature.sign(body.getBytes(), "another-app-secret")).statusCode(), "another app's secret");
        assertEquals(401, m.deliver(body, "sha256=" + "0".repeat(64)).statusCode(), "a made-up signature");
        assertEquals(401, m.deliver(body, signature.replace("sha256=", "sha1=")).statusCode(), "the legacy header's form");
        assertEquals(401, m.deliver("{not json", null).statusCode(), "unsigned garbage is refused before it is read");
        assertEquals(before, inboundEvents());
        assertEquals(0, m.count("SELECT count(*) FROM chat_accounts WHERE channel = 'messenger' AND external_id = '" + psid + "'"));
        m.drain();
        assertTrue(m.sentTo(psid).isEmpty(), "nothing answered");
        m.say(body);
        assertEquals(before + 1, inboundEvents(), "the genuine event goes through");
        assertFalse(m.sentTo(psid).isEmpty());
    }

    @Test
    void aBatchedPostWithTwoPeopleAnswersEach() {
        String lan = "6024687352100003";
        String minh = "6024687352100004";
        long before = inboundEvents();
        m.say(MessengerEvents.batch(
                List.of(MessengerEvents.text(lan, "xin chào"), MessengerEvents.text(minh, "chào bạn")),
                List.of(MessengerEvents.delivery(lan), MessengerEvents.read(minh))));
        assertEquals(before + 2, inboundEvents(), "two messages, each handled once; the receipts ignored");
        for (String psid : List.of(lan, minh)) {
            assertTrue(m.texts(psid).get(0).startsWith("Chào mừng"), psid + ": " + m.texts(psid));
            assertEquals(1, m.texts(psid).stream().filter(t -> t.startsWith("Chào mừng")).count(), "welcomed once");
        }
    }

    @Test
    void aDuplicateMidIsCountedOnce() {
        String psid = "6024687352100005";
        long before = inboundEvents();
        var event = MessengerEvents.text(psid, "xin chào");
        m.say(MessengerEvents.post(event, event.deepCopy()));   // the same mid twice in one POST
        m.say(MessengerEvents.post(event));                     // and Meta's redelivery of it
        assertEquals(before + 1, inboundEvents());
        assertEquals(1, m.texts(psid).stream().filter(t -> t.startsWith("Chào mừng")).count(), "one welcome: " + m.texts(psid));
        var tap = MessengerEvents.quickReply(psid, "Đồng ý", "t:consent:yes");
        m.say(MessengerEvents.post(tap));
        assertTrue(m.lastText(psid).startsWith("Bước 1/5"), m.lastText(psid));
        int afterTap = m.sentTo(psid).size();
        m.say(MessengerEvents.post(tap));
        assertEquals(afterTap, m.sentTo(psid).size(), "a repeated quick reply is answered once: " + m.texts(psid));
        var postback = MessengerEvents.postback(psid, "Thể lệ", "w:thể lệ", null);
        m.say(MessengerEvents.post(postback));
        int afterPostback = m.sentTo(psid).size();
        assertTrue(afterPostback > afterTap);
        m.say(MessengerEvents.post(postback));
        assertEquals(afterPostback, m.sentTo(psid).size(), "a repeated postback is answered once: " + m.texts(psid));
        assertEquals(before + 3, inboundEvents());
    }

    @Test
    void theVerificationHandshake() {
        HttpResponse<String> ok = m.handshake("hub.mode=subscribe&hub.verify_token=" + MessengerStandIn.VERIFY_TOKEN + "&hub.challenge=1158201444");
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.body());
        assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(403, m.handshake("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444").statusCode());
        assertEquals(403, m.handshake("hub.mode=unsubscribe&hub.verify_token=" + MessengerStandIn.VERIFY_TOKEN + "&hub.challenge=1").statusCode());
        assertEquals(403, m.handshake("hub.challenge=1158201444").statusCode());
    }

    @Test
    void echoesDeliveriesAndReadsAreIgnoredOtherMediaGetAHintAndMalformedBodiesA400() {
        String psid = "6024687352100006";
        long before = inboundEvents();
        m.say(MessengerEvents.post(MessengerEvents.echo(psid), MessengerEvents.delivery(psid), MessengerEvents.read(psid)));
        assertEquals(before, inboundEvents());
        assertTrue(m.sentTo(psid).isEmpty(), "the bot does not answer its own echo");
        m.say(MessengerEvents.post(MessengerEvents.sticker(psid)));
        assertEquals(MessagingEvent.NOT_TEXT, m.lastText(psid));
        for (String bad : List.of("{not json", "[1,2]", "{\"object\":\"page\"}", "{\"hello\":1}")) {
            assertEquals(400, m.deliver(bad, MessengerStandIn.sign(bad)).statusCode(), bad);
        }
        String instagram = "{\"object\":\"instagram\",\"entry\":[]}";
        HttpResponse<String> other = m.deliver(instagram, MessengerStandIn.sign(instagram));
        assertEquals(200, other.statusCode(), "another product's events are acknowledged, so Meta does not resend them");
    }

    @Test
    void sendApiErrorsAreClassifiedAsZalosAre() {
        Map<String, String> errors = Map.of(
                "6024687352100011", "{\"error\":{\"message\":\"This message is sent outside of allowed window.\",\"type\":\"OAuthException\",\"code\":10,\"error_subcode\":2018278,\"fbtrace_id\":\"A1\"}}",
                "6024687352100012", "{\"error\":{\"message\":\"This person isn't available right now.\",\"type\":\"OAuthException\",\"code\":551,\"error_subcode\":1545041,\"fbtrace_id\":\"A2\"}}",
                "6024687352100013", "{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"type\":\"OAuthException\",\"code\":613,\"fbtrace_id\":\"A3\"}}",
                "6024687352100014", "{\"error\":{\"message\":\"Error validating access token: The session has been invalidated.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"A4\"}}");
        errors.forEach((psid, error) -> m.graph.stubFor(post(urlPathEqualTo(MessengerStandIn.MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(error))));
        List<Outbound> messages = new ArrayList<>();
        errors.keySet().forEach(psid -> messages.add(new Outbound(new ChatRef("messenger", psid), "Thông báo", List.of(), false, null, null)));
        m.engine.db.jdbi().useHandle(h -> OutboxStore.enqueue(h, messages));
        m.drain();
        assertEquals(Map.of("status", "failed", "tries", 1), row("6024687352100011", "status, tries"), "outside the window: not retried");
        assertTrue(row("6024687352100011", "last_error").get("last_error").toString().startsWith("10 (2018278)"));
        assertEquals(Map.of("status", "failed"), row("6024687352100012", "status"), "the person is unavailable: not retried");
        Map<String, Object> throttled = row("6024687352100013", "status, held_alert, next_attempt_at > now() + interval '50 seconds' AS later");
        assertEquals("pending", throttled.get("status"), "a rate limit is tried again");
        assertEquals(true, throttled.get("later"), "after a minute");
        Map<String, Object> token = row("6024687352100014", "status, held_alert");
        assertEquals(Map.of("status", "pending", "held_alert", MessengerRefusals.TOKEN_ALERT), token, "an invalid token holds the message");
        List<Alert> alerts = m.channel.alerts();
        assertTrue(alerts.stream().anyMatch(a -> a.code().equals(MessengerRefusals.TOKEN_ALERT) && a.text().contains("MESSENGER_PAGE_TOKEN")
                && a.text().contains("1 tin đang chờ gửi")), alerts.toString());
        assertFalse(alerts.toString().contains(MessengerStandIn.PAGE_TOKEN), "the alert never shows the token");
        m.engine.db.jdbi().useHandle(h -> h.execute("DELETE FROM outbox WHERE channel = 'messenger' AND chat_id LIKE '602468735210001_'"));
    }

    @Test
    void aConnectionResetOrA5xxIsRetried() {
        String reset = "6024687352100021";
        String down = "6024687352100022";
        m.graph.stubFor(post(urlPathEqualTo(MessengerStandIn.MESSAGES)).atPriority(1).withRequestBody(matchingJsonPath("$.recipient.id", equalTo(reset)))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        m.graph.stubFor(post(urlPathEqualTo(MessengerStandIn.MESSAGES)).atPriority(1).withRequestBody(matchingJsonPath("$.recipient.id", equalTo(down)))
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
        m.engine.db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(
                new Outbound(new ChatRef("messenger", reset), "Thông báo", List.of(), false, null, null),
                new Outbound(new ChatRef("messenger", down), "Thông báo", List.of(), false, null, null))));
        m.drain();
        for (String psid : List.of(reset, down)) {
            Map<String, Object> r = row(psid, "status, last_error");
            assertEquals("pending", r.get("status"), psid + " is tried again");
            assertFalse(String.valueOf(r.get("last_error")).contains(MessengerStandIn.PAGE_TOKEN), r.toString());
        }
        m.engine.db.jdbi().useHandle(h -> h.execute("DELETE FROM outbox WHERE channel = 'messenger' AND chat_id LIKE '602468735210002_'"));
    }

    static Map<String, Object> row(String psid, String columns) {
        return m.engine.db.jdbi().withHandle(h -> h.createQuery("SELECT " + columns + " FROM outbox WHERE channel = 'messenger' AND chat_id = :c")
                .bind("c", psid).mapToMap().one());
    }

    @Test
    void longTextIsSplitAndOptionsBeyondThirteenAreTyped() {
        String psid = "6024687352100007";
        String longText = "Điều 1. Thể lệ cuộc thi, giải thích chi tiết từng mục.\n".repeat(80);
        assertTrue(longText.length() > 2 * MessengerSender.MAX_TEXT);
        List<Choice> units = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            units.add(new Choice("unit:" + i, i + ". Ủy ban nhân dân xã Nông Thượng số " + i));
        }
        m.engine.db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(new Outbound(new ChatRef("messenger", psid), longText, units, true, null, null))));
        m.drain();
        List<JsonNode> parts = m.sentTo(psid);
        assertEquals(3, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.path("message").path("text").asText().length() <= MessengerSender.MAX_TEXT));
        assertTrue(parts.get(0).path("message").path("text").asText().endsWith("mục."), "cut on a line boundary");
        assertFalse(parts.get(0).path("message").has("quick_replies"), "quick replies only on the last part");
        JsonNode quick = parts.get(2).path("message").path("quick_replies");
        assertEquals(MessengerSender.MAX_QUICK_REPLIES, quick.size());
        assertEquals("user_phone_number", quick.get(0).path("content_type").asText());
        assertEquals("1. Ủy ban nhân dân…", quick.get(1).path("title").asText(), "titles cut to 20 characters");
        assertEquals("t:unit:1", quick.get(1).path("payload").asText());
    }
}
