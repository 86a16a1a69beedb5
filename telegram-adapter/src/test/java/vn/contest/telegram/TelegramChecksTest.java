package vn.contest.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.check.Check;

/**
 * The bot's checks against a stand-in of the Bot API answering getMe and getWebhookInfo as Telegram documents
 * them: they pass for a working token and a registered webhook, and fail with what to do for a wrong token, an
 * unreachable API and an unset or misdirected webhook. No database.
 */
class TelegramChecksTest {
    static final String PUBLIC = "https://thi.example.gov.vn";
    static BotApiStub api;

    @BeforeAll
    static void start() {
        api = new BotApiStub();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
        api.wm.stubFor(post(BotApiStub.api("getMe")).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Thi\",\"username\":\"thi_bac_kan_bot\"}}")));
    }

    static void webhookInfo(String result) {
        api.wm.stubFor(post(BotApiStub.api("getWebhookInfo")).willReturn(okJson("{\"ok\":true,\"result\":" + result + "}")));
    }

    static List<Check> checks(TelegramConfig.Mode mode, String apiUrl) {
        TelegramConfig config = new TelegramConfig(BotApiStub.TOKEN, "s3cret-Token_1", mode, URI.create(apiUrl), "@thi_bac_kan_bot", PUBLIC);
        try (TelegramChannel channel = new TelegramChannel(config, null, null)) {
            return channel.checks();
        }
    }

    static List<Check> checks() {
        return checks(TelegramConfig.Mode.WEBHOOK, "http://localhost:" + api.wm.port());
    }

    static Check about(List<Check> checks, String subject) {
        return checks.stream().filter(c -> c.subject().startsWith(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no check of " + subject + " in " + checks));
    }

    @Test
    void aWorkingTokenAndTheWebhookRegisteredHerePass() {
        webhookInfo("{\"url\":\"" + PUBLIC + "/webhooks/telegram\",\"has_custom_certificate\":false,\"pending_update_count\":3,"
                + "\"allowed_updates\":[\"message\",\"callback_query\"]}");
        List<Check> checks = checks();
        assertEquals(2, checks.size(), checks.toString());
        assertTrue(checks.stream().allMatch(c -> c.status() == Check.Status.OK), checks.toString());
        assertTrue(about(checks, "Telegram: mã bot").detail().contains("@thi_bac_kan_bot"));
        assertTrue(about(checks, "Telegram: webhook").detail().contains("3 tin đang chờ"));
    }

    @Test
    void aWrongTokenFailsAndSaysWhereToGetTheRightOne() {
        api.wm.stubFor(post(BotApiStub.api("getMe")).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));
        List<Check> checks = checks();
        assertEquals(1, checks.size(), "nothing else can be asked without a working token: " + checks);
        Check token = checks.get(0);
        assertEquals(Check.Status.FAIL, token.status());
        assertTrue(token.detail().contains("401") && token.whatToDo().contains("@BotFather"), token.line());
        assertTrue(!token.line().contains(BotApiStub.TOKEN), "the token itself is never printed");
    }

    @Test
    void anUnreachableApiFailsWithWhatToCheck() {
        Check token = checks(TelegramConfig.Mode.WEBHOOK, "http://127.0.0.1:9").get(0);
        assertEquals(Check.Status.FAIL, token.status());
        assertTrue(token.detail().contains("không kết nối được") && token.whatToDo().contains("http://127.0.0.1:9"), token.line());
    }

    @Test
    void anUnsetWebhookFailsWithTheCommandThatSetsIt() {
        webhookInfo("{\"url\":\"\",\"has_custom_certificate\":false,\"pending_update_count\":0}");
        Check webhook = about(checks(), "Telegram: webhook");
        assertEquals(Check.Status.FAIL, webhook.status());
        assertTrue(webhook.detail().contains("chưa đăng ký webhook"), webhook.line());
        assertTrue(webhook.whatToDo().contains("java -jar app/target/contest-app.jar telegram-webhook " + PUBLIC + "/webhooks/telegram"),
                webhook.line());
    }

    @Test
    void aWebhookPointingElsewhereOrLeavingOutTapsFails() {
        webhookInfo("{\"url\":\"https://old.example.gov.vn/webhooks/telegram\",\"has_custom_certificate\":false,\"pending_update_count\":0}");
        assertEquals(Check.Status.FAIL, about(checks(), "Telegram: webhook").status());
        webhookInfo("{\"url\":\"" + PUBLIC + "/webhooks/telegram\",\"has_custom_certificate\":false,\"pending_update_count\":0,"
                + "\"allowed_updates\":[\"message\"]}");
        Check webhook = about(checks(), "Telegram: webhook");
        assertEquals(Check.Status.FAIL, webhook.status());
        assertTrue(webhook.detail().contains("callback_query"), webhook.line());
    }

    @Test
    void aBacklogOrARecentDeliveryErrorIsAWarning() {
        long now = System.currentTimeMillis() / 1000;
        webhookInfo("{\"url\":\"" + PUBLIC + "/webhooks/telegram\",\"has_custom_certificate\":false,\"pending_update_count\":250,"
                + "\"last_error_date\":" + (now - 60) + ",\"last_error_message\":\"Wrong response from the webhook: 502 Bad Gateway\"}");
        Check webhook = about(checks(), "Telegram: webhook");
        assertEquals(Check.Status.WARN, webhook.status());
        assertTrue(webhook.detail().contains("502 Bad Gateway") && webhook.detail().contains("250 tin đang chờ"), webhook.line());
        webhookInfo("{\"url\":\"" + PUBLIC + "/webhooks/telegram\",\"has_custom_certificate\":false,\"pending_update_count\":250}");
        assertEquals(Check.Status.WARN, about(checks(), "Telegram: webhook").status());
    }

    @Test
    void pollingWantsNoWebhook() {
        webhookInfo("{\"url\":\"\",\"has_custom_certificate\":false,\"pending_update_count\":0}");
        assertEquals(Check.Status.OK, about(checks(TelegramConfig.Mode.POLLING, "http://localhost:" + api.wm.port()), "Telegram: webhook").status());
    }

    @Test
    void aTokenOfAnotherBotThanTheLinksNameFails() {
        api.wm.stubFor(post(BotApiStub.api("getMe")).atPriority(1).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"id\":9,\"is_bot\":true,\"first_name\":\"Khác\",\"username\":\"bot_khac_bot\"}}")));
        webhookInfo("{\"url\":\"" + PUBLIC + "/webhooks/telegram\",\"pending_update_count\":0}");
        Check token = about(checks(), "Telegram: mã bot");
        assertEquals(Check.Status.FAIL, token.status());
        assertTrue(token.whatToDo().contains("TELEGRAM_BOT_USERNAME=bot_khac_bot"), token.line());
    }
}
