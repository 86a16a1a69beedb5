package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebChannel;

/**
 * The Telegram Mini App (TELEGRAM_MINI_APP) on the real app: the bot's menu button opens the chat page; a page
 * with a genuine initData acts as the person's bot chat (same registration, same paper, either way round), its
 * replies come back over HTTP and never through the Bot API; a forged, stale or foreign proof, and a token changed
 * to name another chat, are refused with a Vietnamese message and change nothing.
 */
class MiniAppTest {
    static final String TOKEN = "7100000001:mini-app-test";
    static final String PUBLIC_URL = "https://thi.example.gov.vn";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static int nextUpdate = 1;
    static WireMockServer wm;
    static App app;

    @BeforeAll
    static void start() throws Exception {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        wm.stubFor(post(urlMatching("/bot" + TOKEN + "/.*")).atPriority(10).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)sendmessage")).atPriority(1).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}")));
        wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)editmessage.*")).atPriority(1).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}")));
        TelegramConfig telegram = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", "mini-secret",
                "TELEGRAM_API_URL", "http://localhost:" + wm.port(), "PUBLIC_URL", PUBLIC_URL, "TELEGRAM_MINI_APP", "true")).orElseThrow();
        app = TestApps.onSharedServer("mini_app", Clock.systemUTC(), telegram);
    }

    @AfterAll
    static void stop() {
        app.close();
        wm.stop();
    }

    @Test
    void theBotsMenuButtonOpensTheChatPageInsideTelegram() throws Exception {
        String url = PUBLIC_URL + WebChannel.CHAT_PATH + "?app=telegram";
        long end = System.nanoTime() + 10_000_000_000L;
        while (menuButtons().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        List<LoggedRequest> set = menuButtons();
        assertEquals(1, set.size(), "the menu button is set once at start");
        JsonNode button = WebClient.JSON.readTree(set.get(0).getBodyAsString()).get("menu_button");
        assertEquals("web_app", button.get("type").asText());
        assertEquals("Thi ngay", button.get("text").asText());
        assertEquals(url, button.get("web_app").get("url").asText());
        // The address it names is the chat page.
        HttpResponse<String> page = get(WebChannel.CHAT_PATH + "?app=telegram", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/assets/chat.js"), page.body());
        // Telegram Web opens it in a frame of web.telegram.org: that site, and only it, may frame the chat page.
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors https://web.telegram.org;")
                || page.headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("frame-ancestors https://web.telegram.org"),
                page.headers().map().toString());
        assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty(), page.headers().map().toString());
        HttpResponse<String> admin = get("/admin/login", null);
        assertTrue(admin.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals("DENY", admin.headers().firstValue("X-Frame-Options").orElseThrow());
    }

    @Test
    void thePageActsAsTheSamePersonAsTheBotChatAndGetsItsRepliesOverHttp() throws Exception {
        long x = 880_101L;
        for (String update : List.of(text(x, "/start"), text(x, "đồng ý"), text(x, "Ma Văn Hai"), text(x, "02/02/1992"),
                contact(x, "+84 912 880 101"), text(x, "2"), text(x, "1"), text(x, "xác nhận"), text(x, "thi"), text(x, "a"))) {
            assertEquals(200, webhook(update).statusCode());
        }
        // The bot chat's own replies leave through the Bot API first (a second apart).
        waitUntil(Duration.ofSeconds(60), () -> count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_id = '" + x
                + "' AND status <> 'sent'") == 0);
        int sentBefore = sentTo(x).size();
        assertTrue(sentTo(x).get(sentBefore - 1).getBodyAsString().contains("Câu 2/"), "the bot chat is at question 2");
        long participant = count("SELECT participant_id FROM chat_accounts WHERE channel = 'telegram' AND external_id = '" + x + "'");
        assertEquals(1, count("SELECT count(*) FROM participants WHERE id = " + participant + " AND phone_verified_via = 'telegram'"),
                "registered with the phone Telegram vouched for");

        Page page = Page.open(SignedInitData.of(x, "Hai", Instant.now().minusSeconds(10), TOKEN));
        List<JsonNode> opened = page.send(Map.of("start", ""));
        JsonNode question = opened.get(opened.size() - 1);
        assertEquals("question", question.get("kind").asText(), opened.toString());
        assertTrue(question.get("text").asText().startsWith("Câu 2/"), "the page continues the bot chat's paper: " + opened);
        List<JsonNode> answered = page.send(Map.of("text", "a"));
        assertTrue(answered.stream().anyMatch(m -> m.get("text").asText().startsWith("Câu 3/")), "the next question over HTTP: " + answered);
        assertEquals(1, count("SELECT count(*) FROM attempts WHERE participant_id = " + participant), "one paper");
        assertEquals(2, count("SELECT count(*) FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id WHERE a.participant_id = "
                + participant + " AND q.chosen_index IS NOT NULL"), "one answer in the bot chat, one in the page");
        assertEquals(1, count("SELECT count(*) FROM chat_accounts WHERE channel = 'telegram' AND external_id = '" + x + "'"), "the same chat");

        // The page's replies are delivered already: the dispatcher sends none of them to the Bot API.
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_id = '" + x + "' AND status <> 'sent'"));
        Thread.sleep(2000);
        assertEquals(sentBefore, sentTo(x).size(), "nothing of the page's turns went through the Bot API");

        // And back in the bot chat, the same paper goes on, its reply through the Bot API as ever.
        assertEquals(200, webhook(text(x, "b")).statusCode());
        waitUntil(Duration.ofSeconds(10), () -> sentTo(x).stream().anyMatch(r -> r.getBodyAsString().contains("Câu 4/")));
        assertEquals(3, count("SELECT count(*) FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id WHERE a.participant_id = "
                + participant + " AND q.chosen_index IS NOT NULL"));
        // The open page reads what the bot chat said since (as the web page reads a broadcast).
        List<JsonNode> polled = page.poll();
        assertTrue(polled.stream().anyMatch(m -> m.get("text").asText().startsWith("Câu 4/")), polled.toString());
        assertTrue(polled.stream().noneMatch(m -> m.get("kind").asText().equals("edit")), "Telegram's edits are not for the page");
    }

    @Test
    void aForgedStaleOrForeignInitDataIsRefusedAndChangesNothing() throws Exception {
        long y = 880_102L;
        String genuine = SignedInitData.of(y, "Ba", Instant.now().minusSeconds(10), TOKEN);
        String otherUser = genuine.replace("%22id%22%3A" + y, "%22id%22%3A" + (y + 1));
        assertFalse(otherUser.equals(genuine));
        String wrongBot = SignedInitData.of(y, "Ba", Instant.now().minusSeconds(10), "7100000002:another-bot");
        String noHash = genuine.substring(0, genuine.indexOf("&hash="));
        String stale = SignedInitData.of(y, "Ba", Instant.now().minus(Duration.ofHours(25)), TOKEN);
        for (String proof : List.of(otherUser, wrongBot, noHash, "user=%7B%22id%22%3A880102%7D", "")) {
            HttpResponse<String> r = session("telegram", proof);
            assertEquals(401, r.statusCode(), proof);
            String error = WebClient.JSON.readTree(r.body()).get("error").asText();
            assertTrue(error.startsWith("Không xác minh được tài khoản Telegram của bạn."), error);
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
            assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
        }
        HttpResponse<String> old = session("telegram", stale);
        assertEquals(401, old.statusCode());
        assertTrue(WebClient.JSON.readTree(old.body()).get("error").asText().contains("hơn 24 giờ"), old.body());
        // A channel that offers no such page, and a body that is no proof at all.
        assertEquals(401, session("web", genuine).statusCode());
        assertEquals(401, session("zalo", genuine).statusCode());
        assertEquals(400, postTo("/api/web/session", "{\"channel\":\"telegram\"}", null).statusCode());
        assertEquals(400, postTo("/api/web/session", "not json", null).statusCode());
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_id IN ('880102', '880103')"));
        assertEquals(0, count("SELECT count(*) FROM inbound_events WHERE event_id LIKE 'page:880102:%' OR event_id LIKE 'page:880103:%'"));
        // The genuine one opens.
        assertEquals(200, session("telegram", genuine).statusCode());
    }

    @Test
    void aPageSessionActsAsItsOwnChatOnlyAndNothingElsePassesForOne() throws Exception {
        long z = 880_104L;
        long victim = 880_105L;
        Page page = Page.open(SignedInitData.of(z, "Bốn", Instant.now().minusSeconds(10), TOKEN));
        // The token changed to name another chat, its signature kept.
        String[] parts = page.token.split("\\.");
        String body = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertTrue(body.contains(String.valueOf(z)), "the token names its chat");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(body.replace(String.valueOf(z), String.valueOf(victim))
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        // A web chat's cookie is no page token either.
        WebClient browser = new WebClient(app.port());
        browser.send("xin chào");
        long webRows = count("SELECT count(*) FROM outbox WHERE channel = 'web'");
        for (String token : List.of(forged, browser.cookie(), "garbage", parts[0] + ".", page.token + "x")) {
            HttpResponse<String> r = postTo("/api/web/messages?after=0", "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"xin chào\"}", token);
            assertEquals(401, r.statusCode(), token);
            assertTrue(WebClient.JSON.readTree(r.body()).get("error").asText().startsWith("Phiên thi trong ứng dụng đã hết hạn."), r.body());
            assertEquals(401, get("/api/web/messages?after=0", token).statusCode());
        }
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_id = '" + victim + "'"));
        assertEquals(0, count("SELECT count(*) FROM inbound_events WHERE channel = 'telegram' AND event_id LIKE 'page:" + victim + ":%'"));
        // The genuine token acts as its own chat, and only as that one.
        List<JsonNode> welcome = page.send(Map.of("text", "xin chào"));
        assertFalse(welcome.isEmpty());
        long welcomed = count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_id = '" + z + "'");
        assertEquals(welcome.size(), welcomed, "the welcome went to the page's own chat");
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_id = '" + victim + "'"));
        assertTrue(webRows > 0);
        assertEquals(webRows, count("SELECT count(*) FROM outbox WHERE channel = 'web'"), "the browser's web chat got nothing of it");
    }

    /**
     * The real page in headless Chromium, opened as Telegram opens it (the initData in the fragment; nothing loaded
     * from Telegram): it continues the bot chat's paper; a forged initData gets the refusal and no chat at all.
     */
    @Test
    void thePageInABrowserContinuesTheBotChatsPaper() throws Exception {
        long w = 880_106L;
        for (String update : List.of(text(w, "/start"), text(w, "đồng ý"), text(w, "Lò Thị Sáu"), text(w, "06/06/1996"),
                contact(w, "+84 912 880 106"), text(w, "2"), text(w, "1"), text(w, "xác nhận"), text(w, "thi"))) {
            assertEquals(200, webhook(update).statusCode());
        }
        long participant = count("SELECT participant_id FROM chat_accounts WHERE channel = 'telegram' AND external_id = '" + w + "'");
        org.openqa.selenium.WebDriver d = Browser.phone();
        try {
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(15));
            String initData = SignedInitData.of(w, "Sáu", Instant.now().minusSeconds(5), TOKEN);
            d.get("http://127.0.0.1:" + app.port() + WebChannel.CHAT_PATH + "?app=telegram#tgWebAppData="
                    + java.net.URLEncoder.encode(initData, StandardCharsets.UTF_8) + "&tgWebAppVersion=8.0&tgWebAppPlatform=android");
            wait.until(x -> ChatPageInBrowserTest.log(x).contains("Câu 1/10"));
            d.findElements(org.openqa.selenium.By.cssSelector("#choices button")).get(0).click();
            wait.until(x -> ChatPageInBrowserTest.log(x).contains("Câu 2/10"));
            assertEquals(1, count("SELECT count(*) FROM attempt_questions q JOIN attempts a ON a.id = q.attempt_id WHERE a.participant_id = "
                    + participant + " AND q.chosen_index IS NOT NULL"), "the tap answered the bot chat's paper");
            assertEquals(null, d.manage().getCookieNamed("chat_session"), "no web chat of its own");

            String forged = initData.replace("%22id%22%3A" + w, "%22id%22%3A" + (w + 1));
            // Another fragment alone would not load the page again.
            d.get("about:blank");
            d.get("http://127.0.0.1:" + app.port() + WebChannel.CHAT_PATH + "?app=telegram#tgWebAppData="
                    + java.net.URLEncoder.encode(forged, StandardCharsets.UTF_8));
            wait.until(x -> x.findElement(org.openqa.selenium.By.id("status")).getText().startsWith("Không xác minh được tài khoản Telegram"));
            assertEquals("", ChatPageInBrowserTest.log(d), "nothing said, nothing shown");
            d.get("about:blank");
            d.get("http://127.0.0.1:" + app.port() + WebChannel.CHAT_PATH + "?app=telegram");
            wait.until(x -> x.findElement(org.openqa.selenium.By.id("status")).getText().startsWith("Trang này chỉ mở được bằng nút"));
            Thread.sleep(500);
            assertEquals("", ChatPageInBrowserTest.log(d));
            assertEquals(null, d.manage().getCookieNamed("chat_session"), "no web chat was started instead");
            assertEquals(0, count("SELECT count(*) FROM outbox WHERE channel = 'telegram' AND chat_id = '" + (w + 1) + "'"));
        } finally {
            d.quit();
        }
    }

    /** The Mini App page's side of the API: its token in the header, the cursor it reads from. */
    static final class Page {
        final String token;
        long after;

        private Page(String token, long after) {
            this.token = token;
            this.after = after;
        }

        static Page open(String initData) throws Exception {
            HttpResponse<String> r = session("telegram", initData);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = WebClient.JSON.readTree(r.body());
            return new Page(body.get("session").asText(), body.get("after").asLong());
        }

        List<JsonNode> send(Map<String, String> message) throws Exception {
            var body = WebClient.JSON.createObjectNode().put("id", UUID.randomUUID().toString());
            message.forEach(body::put);
            HttpResponse<String> r = postTo("/api/web/messages?after=" + after, body.toString(), token);
            assertEquals(200, r.statusCode(), r.body());
            return read(r.body());
        }

        List<JsonNode> poll() throws Exception {
            HttpResponse<String> r = get("/api/web/messages?after=" + after, token);
            assertEquals(200, r.statusCode(), r.body());
            return read(r.body());
        }

        private List<JsonNode> read(String body) throws Exception {
            List<JsonNode> messages = new ArrayList<>();
            WebClient.JSON.readTree(body).get("messages").forEach(messages::add);
            messages.forEach(m -> after = Math.max(after, m.get("id").asLong()));
            return messages;
        }
    }

    static HttpResponse<String> session(String channel, String proof) throws Exception {
        return postTo("/api/web/session", WebClient.JSON.createObjectNode().put("channel", channel).put("proof", proof).toString(), null);
    }

    static HttpResponse<String> postTo(String path, String body, String pageToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (pageToken != null) {
            b.header("X-Page-Session", pageToken);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String pageToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
        if (pageToken != null) {
            b.header("X-Page-Session", pageToken);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> webhook(String update) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/webhooks/telegram"))
                .header("X-Telegram-Bot-Api-Secret-Token", "mini-secret").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<LoggedRequest> sentTo(long chat) {
        return wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)sendmessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat)))));
    }

    static List<LoggedRequest> menuButtons() {
        return wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)setchatmenubutton")));
    }

    static long count(String sql) {
        return app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static void waitUntil(Duration limit, java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(50);
        }
    }

    static synchronized String text(long user, String text) {
        int id = nextUpdate++;
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"date\":1700000000,\"text\":"
                + WebClient.JSON.valueToTree(text) + "}}";
    }

    static synchronized String contact(long user, String phone) {
        int id = nextUpdate++;
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"date\":1700000000,"
                + "\"contact\":{\"phone_number\":\"" + phone + "\",\"first_name\":\"A\",\"user_id\":" + user + "}}}";
    }
}
