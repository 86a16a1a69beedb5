package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.Choice;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;
import static vn.contest.core.testing.Eventually.await;

/** The Telegram channel end to end: real webhook route, real engine and database, WireMock as the Bot API. */
class TelegramChannelTest {
    static TelegramStandIn standIn;
    static TestEngine engine;
    static Database db;
    static Dialogue dialogue;
    static BotApiStub api;
    static TelegramSender sender;
    static OutboxDispatcher dispatcher;
    static UpdateHandler handler;
    static final String SECRET = TelegramStandIn.SECRET;

    @BeforeAll
    static void setUp() {
        standIn = new TelegramStandIn(TestEngine.start());
        engine = standIn.engine;
        db = engine.db;
        dialogue = engine.dialogue;
        api = standIn.api;
        handler = standIn.handler;
        sender = standIn.sender;
        dispatcher = standIn.dispatcher;
    }

    @AfterAll
    static void tearDown() {
        standIn.close();
    }

    @BeforeEach
    void freshStub() {
        api.reset();
        standIn.webhookReplies.clear();
    }

    static HttpResponse<String> deliver(String body) {
        return deliver(body, SECRET);
    }

    static HttpResponse<String> deliver(String body, String secret) {
        return standIn.deliver(body, secret);
    }

    static void say(String update) {
        standIn.say(update);
    }

    static void drain() {
        standIn.drain();
    }

    static JsonNode last(long chatId) {
        return standIn.last(chatId);
    }

    static String callbackData(JsonNode message, String label) {
        return TelegramStandIn.callbackData(message, label);
    }

    static long count(String sql) {
        return standIn.count(sql);
    }

    @Test
    void registrationAndAWholePaperPlayedThroughWebhookUpdates() {
        long user = 5_000_001L;
        say(Updates.text(Updates.nextId(), user, "/start"));
        assertTrue(api.sentTo(user).stream().anyMatch(m -> m.path("text").asText().contains("Chào mừng")));
        int taps = 0;
        say(Updates.callback(Updates.nextId(), user, 8001, callbackData(last(user), "Đồng ý"), 1700000000));
        taps++;
        say(Updates.text(Updates.nextId(), user, "Lò Thị Lan"));
        say(Updates.text(Updates.nextId(), user, "10/10/2005"));
        JsonNode askPhone = last(user);
        assertTrue(askPhone.path("reply_markup").path("keyboard").get(0).get(0).path("request_contact").asBoolean(),
                "the phone is asked with a share-contact button: " + askPhone);
        say(Updates.contact(Updates.nextId(), user, "+84 912 345 001", user));
        say(Updates.callback(Updates.nextId(), user, 8002, callbackData(last(user), "Nhân dân"), 1700000000));
        taps++;
        say(Updates.callback(Updates.nextId(), user, 8003, callbackData(last(user), "Huyện B"), 1700000000));
        taps++;
        say(Updates.callback(Updates.nextId(), user, 8004, callbackData(last(user), "Xác nhận"), 1700000000));
        taps++;
        say(Updates.callback(Updates.nextId(), user, 8005, callbackData(last(user), "Bắt đầu thi"), 1700000000));
        taps++;
        int paperMessage = standIn.lastId(user);
        int callsBefore = api.wm.getAllServeEvents().size();
        for (int i = 0; i < 4; i++) {
            JsonNode question = last(user);
            assertTrue(question.path("text").asText().startsWith(i == 0 ? "Câu 1/4" : "✅ Câu " + i + "/4: bạn đã chọn A\n\nCâu " + (i + 1) + "/4"),
                    question.toString());
            JsonNode row = question.path("reply_markup").path("inline_keyboard").get(0);
            assertTrue(row.size() >= 2, "one row of letter buttons");
            say(Updates.callback(Updates.nextId(), user, standIn.lastId(user), row.get(0).path("callback_data").asText(), 1700000000));
            taps++;
        }
        // One Bot API call per answer: the tapped question becomes the next one (the toast rides in the webhook's response).
        assertEquals(4, api.wm.getAllServeEvents().size() - callsBefore, "one call per answer: " + api.calls("editMessageText"));
        List<JsonNode> edits = api.calls("editMessageText");
        assertEquals(4, edits.size(), "each answer changes the question in place");
        assertTrue(edits.stream().allMatch(e -> e.path("message_id").asInt() == paperMessage), "the same message each time: " + edits);
        assertTrue(edits.get(3).path("text").asText().startsWith("✅ Câu 4/4: bạn đã chọn A"), edits.get(3).toString());
        assertTrue(edits.get(3).path("reply_markup").isMissingNode(), "the prediction's question has no buttons to tap");
        say(Updates.text(Updates.nextId(), user, "1.500"));
        assertTrue(api.sentTo(user).stream().anyMatch(m -> m.path("text").asText().contains("Số câu trả lời đúng")), "the result came");
        // Every callback answered in the webhook's response, so no Bot API call of its own.
        assertEquals(taps, standIn.webhookReplies.stream().filter(r -> r.path("method").asText().equalsIgnoreCase("answerCallbackQuery")).count(),
                "every callback answered in the webhook's response: " + standIn.webhookReplies);
        assertTrue(api.calls("answerCallbackQuery").isEmpty(), "and not by a call of its own");
        assertEquals(1, count("SELECT count(*) FROM participants WHERE phone = '0912345001'"));
        assertEquals(1, count("SELECT count(*) FROM attempts a JOIN participants p ON p.id = a.participant_id "
                + "WHERE p.phone = '0912345001' AND a.status = 'finished' AND a.prediction = 1500"));
        for (JsonNode m : api.calls("sendMessage")) {
            for (JsonNode row : m.path("reply_markup").path("inline_keyboard")) {
                for (JsonNode b : row) {
                    assertTrue(b.path("callback_data").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64);
                }
            }
        }
    }

    @Test
    void aTapOnAQuestionNoLongerNewestKeepsItAndSendsTheNextAsANewMessage() {
        long user = 5_000_011L;
        startPaper(user, "+84 912 345 011");
        int first = standIn.lastId(user);
        String tapA = callbackData(last(user), "A");
        // Typed nonsense: a hint and the question again, below the first one, whose buttons still work.
        say(Updates.text(Updates.nextId(), user, "không biết"));
        assertTrue(standIn.lastId(user) != first, "the question was asked again as a new message");
        api.reset();
        say(Updates.callback(Updates.nextId(), user, first, tapA, 1700000000));

        List<JsonNode> edits = api.calls("editMessageText");
        assertEquals(1, edits.size(), edits.toString());
        assertEquals(first, edits.get(0).path("message_id").asInt());
        assertTrue(edits.get(0).path("text").asText().contains("✅ Bạn đã chọn: A"), "the tapped question keeps its text and shows the choice");
        assertTrue(edits.get(0).path("reply_markup").isMissingNode(), "and loses its buttons");
        assertTrue(last(user).path("text").asText().startsWith("Câu 2/4"), "the next question is a new message at the bottom: " + last(user));
        assertEquals(1, api.sentTo(user).size());
    }

    @Test
    void aQuestionTelegramNoLongerLetsUsChangeComesAsANewMessage() {
        long user = 5_000_012L;
        startPaper(user, "+84 912 345 012");
        int first = standIn.lastId(user);
        // Telegram refuses the change (a message it will not edit any more, an id it no longer knows).
        api.wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(BotApiStub.api("editMessageText")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: MESSAGE_ID_INVALID\"}")));
        say(Updates.callback(Updates.nextId(), user, first, callbackData(last(user), "A"), 1700000000));

        JsonNode next = last(user);
        assertTrue(next.path("text").asText().contains("Câu 2/4"), next.toString());
        assertTrue(standIn.lastId(user) != first, "sent as a new message");
        assertEquals(first, api.calls("editMessageReplyMarkup").get(0).path("message_id").asInt(), "the tapped question loses its buttons");
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE chat_id = '" + user + "' AND status <> 'sent'"), "nothing left undelivered");
    }

    /** Registers {@code user} through the bot and starts a paper: the chat then shows the first question. */
    private static void startPaper(long user, String phone) {
        say(Updates.text(Updates.nextId(), user, "/start"));
        say(Updates.callback(Updates.nextId(), user, standIn.lastId(user), callbackData(last(user), "Đồng ý"), 1700000000));
        say(Updates.text(Updates.nextId(), user, "Lò Thị Lan"));
        say(Updates.text(Updates.nextId(), user, "10/10/2005"));
        say(Updates.contact(Updates.nextId(), user, phone, user));
        for (String button : List.of("Nhân dân", "Huyện B", "Xác nhận", "Bắt đầu thi")) {
            say(Updates.callback(Updates.nextId(), user, standIn.lastId(user), callbackData(last(user), button), 1700000000));
        }
        assertTrue(last(user).path("text").asText().startsWith("Câu 1/4"), last(user).toString());
    }

    @Test
    void theSameUpdateTwiceCountsOnce() {
        long user = 5_000_002L;
        String update = Updates.text(Updates.nextId(), user, "/start");
        assertEquals(200, deliver(update).statusCode());
        assertEquals(200, deliver(update).statusCode());
        drain();
        assertEquals(2, api.sentTo(user).size(), "one welcome and one consent question, not two of each");
    }

    @Test
    void aMissingOrWrongSecretIsRefusedAndNothingIsStored() {
        long before = count("SELECT count(*) FROM inbound_events") + count("SELECT count(*) FROM chat_accounts");
        String update = Updates.text(Updates.nextId(), 5_000_003L, "/start");
        assertEquals(401, deliver(update, null).statusCode());
        assertEquals(401, deliver(update, "wrong").statusCode());
        assertEquals(401, deliver(update, SECRET + "x").statusCode());
        assertEquals(before, count("SELECT count(*) FROM inbound_events") + count("SELECT count(*) FROM chat_accounts"));
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedAndNothingIsStored() {
        long before = count("SELECT count(*) FROM inbound_events");
        HttpResponse<String> garbage = deliver("{\"update_id\": oops");
        assertEquals(400, garbage.statusCode());
        assertFalse(garbage.body().contains("Exception"), garbage.body());
        assertEquals(400, deliver("[1,2,3]").statusCode());
        assertEquals(400, deliver("{\"message\":{}}").statusCode(), "an update needs its id");
        String huge = Updates.text(Updates.nextId(), 5_000_004L, "x".repeat(300_000));
        // The server answers 413 and closes while the body still arrives; the client may see the answer or only
        // the closed connection (it depends on timing), so a try that saw neither is repeated.
        int status = 0;
        for (int i = 0; i < 5 && status == 0; i++) {
            try {
                status = deliver(huge).statusCode();
            } catch (IllegalStateException closedEarly) {
                status = 0;
            }
        }
        assertEquals(413, status);
        assertEquals(before, count("SELECT count(*) FROM inbound_events"));
    }

    @Test
    void anExpiredCallbackGetsANoticeAndChangesNothing() {
        long user = 5_000_005L;
        say(Updates.text(Updates.nextId(), user, "/start"));
        long before = count("SELECT count(*) FROM inbound_events");
        String consent = callbackData(last(user), "Đồng ý");
        say(Updates.callback(Updates.nextId(), user, 8100, consent, 0));
        JsonNode answer = standIn.webhookReplies.get(standIn.webhookReplies.size() - 1);
        assertEquals("answercallbackquery", answer.path("method").asText().toLowerCase(), "answered in the webhook's response");
        assertEquals(TelegramTexts.STALE_CALLBACK, answer.path("text").asText());
        assertEquals(before, count("SELECT count(*) FROM inbound_events"));
        // Consent was not recorded: the chat is still at CONSENT (a chat is stored only from consent on).
        assertEquals(0, count("SELECT count(*) FROM chat_accounts WHERE channel = 'telegram' AND external_id = '" + user + "'"
                + " AND state <> 'CONSENT'"));
    }

    @Test
    void tooManyRequestsWaitsAsToldAndABlockedUserIsNotRetried() {
        long slow = 5_000_006L;
        long gone = 5_000_007L;
        api.failSendTo(slow, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}");
        api.failSendTo(gone, 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        assertEquals(200, deliver(Updates.text(Updates.nextId(), slow, "/start")).statusCode());
        assertEquals(200, deliver(Updates.text(Updates.nextId(), gone, "/start")).statusCode());
        dispatcher.drainOnce(sender);
        Map<String, Object> waiting = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT status, last_error, EXTRACT(EPOCH FROM next_attempt_at - now()) AS wait FROM outbox
                WHERE chat_id = :c ORDER BY id LIMIT 1""").bind("c", String.valueOf(slow)).mapToMap().one());
        assertEquals("pending", waiting.get("status"));
        double wait = ((Number) waiting.get("wait")).doubleValue();
        assertTrue(wait > 5 && wait <= 7.5, "waits retry_after (7 s): " + wait);
        assertTrue(waiting.get("last_error").toString().startsWith("429"), waiting.toString());
        Map<String, Object> blocked = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, tries, last_error FROM outbox WHERE chat_id = :c ORDER BY id LIMIT 1")
                .bind("c", String.valueOf(gone)).mapToMap().one());
        assertEquals("failed", blocked.get("status"));
        assertEquals(1, blocked.get("tries"));
        assertTrue(blocked.get("last_error").toString().contains("blocked"), blocked.toString());
    }

    @Test
    void aContactSharedBySomeoneElseIsNotTrustedAndOnesOwnTakesTheNumberFromATypedRecord() {
        ChatDriver web = new ChatDriver(dialogue, new OutboxStore(db.jdbi()), "web-person");
        web.register("Kẻ Mạo Danh", "02/02/1990", "0977111222", 2, "1");

        long stranger = 5_000_008L;
        say(Updates.text(Updates.nextId(), stranger, "/start"));
        say(Updates.text(Updates.nextId(), stranger, "đồng ý"));
        say(Updates.text(Updates.nextId(), stranger, "Kẻ Lạ Mặt"));
        say(Updates.text(Updates.nextId(), stranger, "01/01/1990"));
        say(Updates.contact(Updates.nextId(), stranger, "0977111222", 42L));
        assertTrue(last(stranger).path("text").asText().contains("đã được dùng để đăng ký"), last(stranger).toString());

        // The number's real owner shares their own contact: Telegram vouches for it, the typed record does not.
        long owner = 5_000_009L;
        say(Updates.text(Updates.nextId(), owner, "/start"));
        say(Updates.text(Updates.nextId(), owner, "đồng ý"));
        say(Updates.text(Updates.nextId(), owner, "Nông Văn Hai"));
        say(Updates.text(Updates.nextId(), owner, "02/02/1990"));
        say(Updates.contact(Updates.nextId(), owner, "84977111222", owner));
        assertTrue(api.sentTo(owner).stream().noneMatch(m -> m.path("text").asText().contains("Đã kết nối")), "never joined to the typed record");
        assertTrue(api.sentTo(owner).stream().anyMatch(m -> m.path("text").asText().contains("chưa được xác minh")), "told why");
        say(Updates.text(Updates.nextId(), owner, "2"));
        say(Updates.text(Updates.nextId(), owner, "1"));
        say(Updates.callback(Updates.nextId(), owner, 9200, callbackData(last(owner), "Xác nhận"), owner));
        assertEquals(2, count("SELECT count(*) FROM participants WHERE phone = '0977111222'"));
        assertEquals(1, count("SELECT count(*) FROM participants WHERE phone = '0977111222' AND phone_verified_via = 'telegram'"
                + " AND full_name = 'Nông Văn Hai' AND disputed_at IS NULL"));
        assertEquals(1, count("SELECT count(*) FROM participants WHERE phone = '0977111222' AND full_name = 'Kẻ Mạo Danh'"
                + " AND disputed_at IS NOT NULL AND disputed_by IS NOT NULL"));
        assertEquals(0, count("SELECT count(*) FROM chat_accounts c JOIN participants p ON p.id = c.participant_id"
                + " WHERE c.external_id = '" + owner + "' AND p.full_name = 'Kẻ Mạo Danh'"));
        assertNull(db.jdbi().withHandle(h -> h.createQuery("SELECT participant_id FROM chat_accounts WHERE external_id = :u")
                .bind("u", String.valueOf(stranger)).mapTo(Long.class).one()));
    }

    @Test
    void aGroupChatGetsOnePoliteLine() {
        long group = -100_123L;
        say(Updates.groupCommand(Updates.nextId(), 5_000_010L, group));
        List<JsonNode> sent = api.sentTo(group);
        assertEquals(1, sent.size());
        assertEquals(TelegramTexts.PRIVATE_ONLY, sent.get(0).path("text").asText());
        assertEquals(0, count("SELECT count(*) FROM chat_accounts WHERE external_id = '" + group + "'"));
    }

    @Test
    void callbackDataIsCheckedAndLongTextIsSplit() {
        assertThrows(IllegalArgumentException.class, () -> CallbackData.checked("ả".repeat(33)));
        assertEquals("ans:1:2:B", CallbackData.checked("ans:1:2:B"));
        long user = 5_000_011L;
        String longText = ("Dòng thể lệ khá dài để kiểm tra việc chia tin nhắn.\n").repeat(120);
        db.jdbi().useHandle(h -> OutboxStore.enqueue(h, List.of(new Outbound(new vn.contest.core.message.ChatRef("telegram", String.valueOf(user)),
                longText, List.of(new Choice("cmd:rules", "Thể lệ")), false, null, null))));
        drain();
        List<JsonNode> parts = api.sentTo(user);
        assertEquals(2, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.path("text").asText().length() <= TelegramSender.MAX_TEXT));
        assertTrue(parts.get(0).path("reply_markup").path("inline_keyboard").isMissingNode(), "buttons go with the last part");
        assertEquals("cmd:rules", parts.get(1).path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText());
        List<String> joined = new ArrayList<>();
        parts.forEach(p -> joined.add(p.path("text").asText()));
        assertEquals(longText.strip(), String.join("\n", joined).strip(), "nothing lost at the cut");
    }
}
