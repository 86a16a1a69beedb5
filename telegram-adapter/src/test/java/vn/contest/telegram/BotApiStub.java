package vn.contest.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** WireMock standing in for the Bot API, answering as Telegram documents (method names matched without case). */
final class BotApiStub implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token_abc";
    static final ObjectMapper JSON = new ObjectMapper();
    final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());

    BotApiStub() {
        wm.start();
        reset();
    }

    void reset() {
        wm.resetAll();
        // Each message gets an id of its own, as Telegram gives (a tap names the message it was on).
        wm.stubFor(post(api("sendMessage")).atPriority(10).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=100000 upper=2000000000}},\"date\":1700000000,"
                + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}").withTransformers("response-template")));
        for (String method : List.of("answerCallbackQuery", "editMessageText", "editMessageReplyMarkup", "setMyCommands",
                "deleteWebhook", "setWebhook")) {
            wm.stubFor(post(api(method)).atPriority(10).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        }
    }

    static UrlPattern api(String method) {
        return urlMatching("/bot" + Pattern.quote(TOKEN) + "/(?i)" + method);
    }

    void failSendTo(long chatId, int status, String body) {
        wm.stubFor(post(api("sendMessage")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.chat_id", 
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(chatId))))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    TelegramConfig config(TelegramConfig.Mode mode) {
        return new TelegramConfig(TOKEN, "s3cret-Token_1", mode, java.net.URI.create("http://localhost:" + wm.port()));
    }

    /** Bodies of the calls to one method, oldest first. */
    List<JsonNode> calls(String method) {
        Pattern p = Pattern.compile("/bot" + Pattern.quote(TOKEN) + "/(?i)" + method);
        return events().stream().filter(e -> p.matcher(e.getRequest().getUrl()).matches()).map(BotApiStub::body).toList();
    }

    /** Every call, oldest first (WireMock lists the newest first). */
    private List<ServeEvent> events() {
        List<ServeEvent> all = new java.util.ArrayList<>(wm.getAllServeEvents());
        java.util.Collections.reverse(all);
        return all;
    }

    /** A message as the chat shows it now: the call that put its text there, and the id Telegram gave it. */
    record Shown(JsonNode body, int messageId) {}

    /** What the chat shows last: the newest message sent, or the one changed in place after it. */
    Shown lastShown(long chatId) {
        Pattern send = Pattern.compile("/bot" + Pattern.quote(TOKEN) + "/(?i)sendMessage");
        Pattern edit = Pattern.compile("/bot" + Pattern.quote(TOKEN) + "/(?i)editMessageText");
        Shown last = null;
        for (ServeEvent e : events()) {
            JsonNode b = body(e);
            if (!b.path("chat_id").asText().equals(String.valueOf(chatId))) {
                continue;
            }
            if (send.matcher(e.getRequest().getUrl()).matches() && e.getResponse().getStatus() == 200) {
                last = new Shown(b, read(e.getResponse().getBodyAsString()).path("result").path("message_id").asInt());
            } else if (edit.matcher(e.getRequest().getUrl()).matches() && last != null && b.path("message_id").asInt() == last.messageId()) {
                last = new Shown(b, last.messageId());
            }
        }
        if (last == null) {
            throw new AssertionError("nothing shown in chat " + chatId);
        }
        return last;
    }

    List<JsonNode> sentTo(long chatId) {
        return calls("sendMessage").stream().filter(b -> b.path("chat_id").asText().equals(String.valueOf(chatId))).toList();
    }

    private static JsonNode body(ServeEvent e) {
        return read(e.getRequest().getBodyAsString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        wm.stop();
    }
}
