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
import java.util.Comparator;
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
        wm.stubFor(post(api("sendMessage")).atPriority(10).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":501,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}")));
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
        return wm.getAllServeEvents().stream()
                .filter(e -> p.matcher(e.getRequest().getUrl()).matches())
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(BotApiStub::body)
                .toList();
    }

    List<JsonNode> sentTo(long chatId) {
        return calls("sendMessage").stream().filter(b -> b.path("chat_id").asText().equals(String.valueOf(chatId))).toList();
    }

    private static JsonNode body(ServeEvent e) {
        try {
            return JSON.readTree(e.getRequest().getBodyAsString());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        wm.stop();
    }
}
