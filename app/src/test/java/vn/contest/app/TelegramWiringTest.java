package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import vn.contest.telegram.TelegramConfig;

/** The app with TELEGRAM_* set: the webhook route is served, and replies leave through the running dispatcher. */
class TelegramWiringTest {
    static final String TOKEN = "42:wiring";

    @Test
    void aWebhookUpdateIsAnsweredThroughTheBotApi() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try {
            wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)sendmessage")).willReturn(okJson(
                    "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":777,\"type\":\"private\"},\"text\":\"x\"}}")));
            wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)setmycommands")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
            TelegramConfig telegram = TelegramConfig.fromEnv(java.util.Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_WEBHOOK_SECRET", "wiring-secret", "TELEGRAM_API_URL", "http://localhost:" + wm.port())).orElseThrow();
            try (App app = TestApps.onSharedServer("telegram_wiring", Clock.systemUTC(), telegram)) {
                String update = "{\"update_id\":1,\"message\":{\"message_id\":1,\"from\":{\"id\":777,\"is_bot\":false,\"first_name\":\"A\"},"
                        + "\"chat\":{\"id\":777,\"type\":\"private\"},\"date\":1700000000,\"text\":\"/start\","
                        + "\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":6}]}}";
                HttpClient http = HttpClient.newHttpClient();
                URI hook = URI.create("http://127.0.0.1:" + app.port() + "/webhooks/telegram");
                HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, unsigned.statusCode());
                HttpResponse<String> signed = http.send(HttpRequest.newBuilder(hook).header("X-Telegram-Bot-Api-Secret-Token", "wiring-secret")
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, signed.statusCode());
                long end = System.nanoTime() + 10_000_000_000L;
                while (wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)sendmessage"))).size() < 2 && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                var sent = wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)sendmessage")));
                assertEquals(2, sent.size(), "welcome, then the consent question: one turn's replies, sent together");
                assertTrue(sent.get(0).getBodyAsString().contains("Chào mừng"), sent.get(0).getBodyAsString());
                // The next turn's reply keeps Telegram's one message a second per chat.
                String again = update.replace("\"update_id\":1", "\"update_id\":2").replace("\"message_id\":1", "\"message_id\":2");
                assertEquals(200, http.send(HttpRequest.newBuilder(hook).header("X-Telegram-Bot-Api-Secret-Token", "wiring-secret")
                        .POST(HttpRequest.BodyPublishers.ofString(again)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                while (wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)sendmessage"))).size() < 3 && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                sent = wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)sendmessage")));
                assertTrue(sent.size() >= 3, "the second /start is answered");
                assertTrue(sent.get(2).getLoggedDate().getTime() - sent.get(1).getLoggedDate().getTime() >= 900,
                        "one message a second per chat between turns");
                assertEquals(1, wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)setmycommands"))).size());
            }
        } finally {
            wm.stop();
        }
    }

    /** A person who blocked the bot: Telegram answers 403, the reply is given up, and /metrics counts it by code. */
    @Test
    void aRefusedDeliveryIsCountedByThePlatformsErrorCode() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try {
            wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)sendmessage")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                    .aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
            wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)setmycommands")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
            TelegramConfig telegram = TelegramConfig.fromEnv(java.util.Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_WEBHOOK_SECRET", "wiring-secret", "TELEGRAM_API_URL", "http://localhost:" + wm.port())).orElseThrow();
            try (App app = TestApps.onSharedServer("telegram_refused", Clock.systemUTC(), telegram)) {
                String update = "{\"update_id\":2,\"message\":{\"message_id\":1,\"from\":{\"id\":778,\"is_bot\":false,\"first_name\":\"B\"},"
                        + "\"chat\":{\"id\":778,\"type\":\"private\"},\"date\":1700000000,\"text\":\"xin chào\"}}";
                HttpClient http = HttpClient.newHttpClient();
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/webhooks/telegram"))
                        .header("X-Telegram-Bot-Api-Secret-Token", "wiring-secret").POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                String metric = "contest_send_failures_total{channel=\"telegram\",code=\"403\",outcome=\"given_up\"}";
                long end = System.nanoTime() + 10_000_000_000L;
                String metrics = "";
                while (System.nanoTime() < end && !metrics.contains(metric)) {
                    Thread.sleep(100);
                    metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }
                assertTrue(metrics.contains(metric), metrics.lines().filter(l -> l.startsWith("contest_send")).toList().toString());
                assertTrue(metrics.contains("contest_outbox_depth"), "outbox depth per channel");
            }
        } finally {
            wm.stop();
        }
    }
}
