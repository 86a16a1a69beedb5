package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.contest.core.store.EmbeddedPostgresServer;

/**
 * The {@code doctor} command against stand-ins of the Bot API, Zalo's OAuth and ZNS, with the real app running
 * at PUBLIC_URL: it passes when everything answers as documented, and fails with a line saying what to do for a
 * wrong token, an unreachable API, a missing template and an unset webhook. The same list on the admin page.
 */
class DoctorTest {
    static final String TOKEN = "123456:doctor-token_x";
    static final String VERIFICATION = "GTcnSB_B2MPytA1gfzecS7abc";
    static WireMockServer telegram;
    static WireMockServer zalo;
    static App app;
    static EmbeddedPostgresServer database;
    /** The durable server's data and the backups folder, deleted after the class. */
    @TempDir
    static Path data;
    static Map<String, String> env;

    record Result(int exit, String out) {}

    static UrlPattern bot(String method) {
        return urlMatching("/bot" + Pattern.quote(TOKEN) + "/(?i)" + method);
    }

    @BeforeAll
    static void start() throws Exception {
        telegram = new WireMockServer(wireMockConfig().dynamicPort());
        telegram.start();
        zalo = new WireMockServer(wireMockConfig().dynamicPort());
        zalo.start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // A durable server of its own, as the app runs one (the tests' shared server has fsync off, which the doctor fails).
        database = EmbeddedPostgresServer.durable(data.resolve("postgres"), data.resolve("database-secrets.properties"));
        Path backups = Files.createDirectories(data.resolve("backups"));
        Files.writeString(backups.resolve("backup-20261207-0600.zip"), "a backup");
        String zaloUrl = "http://localhost:" + zalo.port();
        env = new HashMap<>(Map.ofEntries(Map.entry("HOST", "127.0.0.1"), Map.entry("PORT", String.valueOf(port)),
                Map.entry("PUBLIC_URL", "http://127.0.0.1:" + port),
                Map.entry("DATABASE_URL", database.appJdbcUrl()), Map.entry("DATABASE_USER", database.secrets().appUser()),
                Map.entry("DATABASE_PASSWORD", database.secrets().appPassword()), Map.entry("ADMIN_PASSWORD", TestApps.ADMIN_PASSWORD),
                Map.entry("BACKUP_DIR", backups.toString()),
                Map.entry("TELEGRAM_BOT_TOKEN", TOKEN), Map.entry("TELEGRAM_WEBHOOK_SECRET", "doctor-secret"),
                Map.entry("TELEGRAM_API_URL", "http://localhost:" + telegram.port()), Map.entry("TELEGRAM_BOT_USERNAME", "thi_bac_kan_bot"),
                Map.entry("ZALO_APP_ID", "111"), Map.entry("ZALO_APP_SECRET", "app-secret"), Map.entry("ZALO_OA_SECRET_KEY", "oa-secret"),
                Map.entry("ZALO_ACCESS_TOKEN", "AT1"), Map.entry("ZALO_REFRESH_TOKEN", "RT1"), Map.entry("ZALO_API_URL", zaloUrl),
                Map.entry("ZALO_OAUTH_URL", zaloUrl), Map.entry("ZALO_ZNS_URL", zaloUrl), Map.entry("ZALO_ZNS_OTP_TEMPLATE_ID", "248000"),
                Map.entry("ZALO_SITE_VERIFICATION", VERIFICATION)));
        standIns();
        app = App.start(AppConfig.fromEnv(env), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
        database.close();
        telegram.stop();
        zalo.stop();
    }

    /** The platforms answering as documented: a bot, its webhook registered at PUBLIC_URL, a refreshable pair. */
    @BeforeEach
    void reset() {
        standIns();
    }

    static void standIns() {
        telegram.resetAll();
        telegram.stubFor(post(bot("getMe")).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Thi\",\"username\":\"thi_bac_kan_bot\"}}")));
        telegram.stubFor(post(bot("getWebhookInfo")).willReturn(okJson("{\"ok\":true,\"result\":{\"url\":\"" + env.get("PUBLIC_URL")
                + "/webhooks/telegram\",\"has_custom_certificate\":false,\"pending_update_count\":0,\"allowed_updates\":[\"message\",\"callback_query\"]}}")));
        telegram.stubFor(post(bot("setMyCommands")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        zalo.resetAll();
        zalo.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).willReturn(okJson(
                "{\"access_token\":\"AT2\",\"refresh_token\":\"RT2\",\"expires_in\":\"90000\"}")));
        zalo.stubFor(post(urlPathEqualTo("/message/template")).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"z1\",\"sent_time\":\"1700000000000\"}}")));
    }

    static Result doctor(Map<String, String> env, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Doctor.run(AppConfig.fromEnv(env), env, List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    static String line(Result r, String subject) {
        return r.out().lines().filter(l -> l.contains("] " + subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + subject + " in\n" + r.out()));
    }

    @Test
    void passesAgainstStandInsAnsweringAsDocumented() {
        Result r = doctor(env);
        assertEquals(0, r.exit(), r.out());
        assertFalse(r.out().contains("[LỖI]"), r.out());
        assertTrue(line(r, "Telegram: mã bot").startsWith("[ổn]"), r.out());
        assertTrue(line(r, "Telegram: webhook").startsWith("[ổn]"), r.out());
        assertTrue(line(r, "Zalo: cặp access token").startsWith("[ổn]"), r.out());
        assertTrue(line(r, "Zalo: xác thực domain").startsWith("[ổn]"), "the app serves the meta tag and the file: " + r.out());
        assertTrue(line(r, "Cơ sở dữ liệu: ghi bền vững").startsWith("[ổn]"), r.out());
        assertTrue(line(r, "Sao lưu").startsWith("[ổn]") || line(r, "Sao lưu").startsWith("[lưu ý]"), r.out());
        assertTrue(line(r, "Cuộc thi demo-bac-kan: ngân hàng câu hỏi").startsWith("[ổn]"), r.out());
        assertTrue(r.out().lines().filter(l -> l.startsWith("[")).allMatch(l -> l.startsWith("[ổn]") || l.contains("→ Cần làm: ")),
                "every line not ok says what to do: " + r.out());
        assertFalse(r.out().contains(TOKEN) || r.out().contains("app-secret") || r.out().contains("AT2"), "no secret printed");
    }

    @Test
    void aWrongTokenFailsWithWhatToDo() {
        telegram.stubFor(post(bot("getMe")).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));
        Result r = doctor(env);
        assertEquals(1, r.exit(), r.out());
        assertTrue(line(r, "Telegram: mã bot").startsWith("[LỖI]") && line(r, "Telegram: mã bot").contains("Cần làm: lấy lại mã của bot từ @BotFather"),
                r.out());
        zalo.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).atPriority(1).willReturn(okJson(
                "{\"error\":-14014,\"error_name\":\"invalid_grant\",\"error_description\":\"Refresh token is invalid\"}")));
        app.database().jdbi().useHandle(h -> h.execute("UPDATE platform_tokens SET refreshed_at = NULL"));
        Result zaloRefused = doctor(env);
        assertTrue(line(zaloRefused, "Zalo: cặp access token").startsWith("[LỖI]")
                && line(zaloRefused, "Zalo: cặp access token").contains("zalo-tokens"), zaloRefused.out());
    }

    @Test
    void anUnreachableApiFailsWithWhatToDo() {
        Map<String, String> unreachable = new HashMap<>(env);
        unreachable.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
        Result r = doctor(unreachable);
        assertEquals(1, r.exit(), r.out());
        assertTrue(line(r, "Telegram: mã bot").contains("không kết nối được http://127.0.0.1:9")
                && line(r, "Telegram: mã bot").contains("Cần làm: kiểm tra mạng"), r.out());
    }

    @Test
    void aMissingTemplateFailsWithWhatToDo() {
        zalo.stubFor(post(urlPathEqualTo("/message/template")).atPriority(1).willReturn(okJson(
                "{\"error\":-1124,\"message\":\"Template is not exist\"}")));
        Result r = doctor(env, "--test-code", "0912345678");
        assertEquals(1, r.exit(), r.out());
        String line = line(r, "Gửi mã xác minh thử");
        assertTrue(line.startsWith("[LỖI]") && line.contains("ZALO_ZNS_OTP_TEMPLATE_ID") && line.contains(vn.contest.core.text.PhoneNumbers.mask("0912345678")), r.out());
        assertFalse(r.out().contains("0912345678"), "the phone is masked");

        Result sent = doctor(env, "--test-code", "0912345678");
        assertTrue(sent.out().contains("[LỖI] Gửi mã xác minh thử"), "still refused while the stub refuses");
        zalo.resetAll();
        standIns();
        Result fine = doctor(env, "--test-code", "0912345678");
        assertTrue(line(fine, "Gửi mã xác minh thử").startsWith("[ổn]"), fine.out());
    }

    @Test
    void anUnsetWebhookFailsWithTheCommandThatSetsIt() {
        telegram.stubFor(post(bot("getWebhookInfo")).atPriority(1).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"url\":\"\",\"has_custom_certificate\":false,\"pending_update_count\":0}}")));
        Result r = doctor(env);
        assertEquals(1, r.exit(), r.out());
        assertTrue(line(r, "Telegram: webhook").contains("Cần làm: chạy: java -jar app/target/contest-app.jar telegram-webhook "
                + env.get("PUBLIC_URL") + "/webhooks/telegram"), r.out());
    }

    @Test
    void aContestFileWithAProblemFailsWithTheProblem() throws Exception {
        Path file = Files.createTempFile("contest", ".yaml");
        Files.writeString(file, Files.readString(Path.of("../examples/demo/contest.yaml")).replaceFirst("(?m)^code: .*$", "code: có dấu cách"));
        Map<String, String> broken = new HashMap<>(env);
        broken.put("CONTEST_FILE", file.toString());
        Result r = doctor(broken);
        assertEquals(1, r.exit(), r.out());
        String line = line(r, "Tệp cuộc thi");
        assertTrue(line.startsWith("[LỖI]") && line.contains("code") && line.contains("Cần làm: sửa tệp cuộc thi"), r.out());
    }

    @Test
    void theHomePageCarriesTheVerificationTagAndTheVerifierFileIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = env.get("PUBLIC_URL");
        String home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(home.contains("<meta name=\"zalo-platform-site-verification\" content=\"" + VERIFICATION + "\" />"), home);
        assertTrue(home.contains("Các cuộc thi trực tuyến"), "the front page, which the platform's console reads");
        String chat = http.send(HttpRequest.newBuilder(URI.create(base + vn.contest.web.WebChannel.CHAT_PATH)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(chat.contains("id=\"composer\"") && chat.contains(VERIFICATION), "the chat page keeps the tag too");
        HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(base + "/zalo_verifier" + VERIFICATION + ".html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode());
        assertTrue(file.body().contains(VERIFICATION));
        HttpResponse<byte[]> picture = http.send(HttpRequest.newBuilder(URI.create(base + "/zalo/chia-se-so-dien-thoai.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/png", picture.headers().firstValue("Content-Type").orElse(""));
        assertTrue(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(picture.body())).getWidth() >= 600);
    }

    @Test
    void theAdminPageRunsTheSameChecksOnDemand() {
        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        String page = admin.get("/admin/checks").body();
        assertTrue(page.contains("Kiểm tra ngay") && !page.contains("id=\"checks\""), "nothing runs until asked: " + page);
        telegram.stubFor(post(bot("getWebhookInfo")).atPriority(1).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"url\":\"\",\"has_custom_certificate\":false,\"pending_update_count\":0}}")));
        HttpResponse<String> run = admin.post("/admin/checks", Map.of());
        assertEquals(200, run.statusCode());
        String body = run.body();
        assertTrue(body.contains("id=\"checks\"") && body.contains("Telegram: webhook") && body.contains("telegram-webhook")
                && body.contains("Cơ sở dữ liệu: ghi bền vững") && body.contains("Có mục bị lỗi"), body);
        assertTrue(admin.get("/admin/audit").body().contains("Kiểm tra kết nối"), "audited");
    }
}
