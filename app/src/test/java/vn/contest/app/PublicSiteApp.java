package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import vn.contest.core.testing.TestDatabase;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebConfig;
import vn.contest.zalo.ZaloConfig;

/**
 * The real app for the public pages' tests: two contests (the demo, open since yesterday, and "Tìm hiểu pháp luật
 * 2026", opening in a month), with Telegram (a bot username) and Zalo (an OA id, a domain verification) configured
 * against a WireMock stand-in of their APIs, as the wiring tests do.
 */
final class PublicSiteApp implements AutoCloseable {
    static final String BOT = "thi_bac_kan_bot";
    static final String OA_ID = "1234567890123456789";
    static final String VERIFICATION = "GTcnSB_B2MPytA1gfzecS7";
    static final String COMING = "luat-2026";

    final WireMockServer platforms = new WireMockServer(wireMockConfig().dynamicPort());
    final App app;

    PublicSiteApp(String database) throws Exception {
        platforms.start();
        platforms.stubFor(post(urlMatching("/bot.*")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        String base = "http://localhost:" + platforms.port();
        TelegramConfig telegram = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "123:public-site", "TELEGRAM_WEBHOOK_SECRET",
                "public-site-secret", "TELEGRAM_API_URL", base, "TELEGRAM_BOT_USERNAME", BOT)).orElseThrow();
        ZaloConfig zalo = ZaloConfig.fromEnv(Map.of("ZALO_APP_ID", "111", "ZALO_APP_SECRET", "app-secret", "ZALO_OA_SECRET_KEY",
                "oa-secret", "ZALO_ACCESS_TOKEN", "AT1", "ZALO_REFRESH_TOKEN", "RT1", "ZALO_API_URL", base, "ZALO_OAUTH_URL", base,
                "ZALO_OA_ID", OA_ID, "ZALO_SITE_VERIFICATION", VERIFICATION)).orElseThrow();
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        app = App.start(new AppConfig("127.0.0.1", 0, Files.createTempDirectory("unused"), TestDatabase.server().jdbcUrl(database),
                "postgres", "postgres", contests(), telegram, zalo, TestApps.ADMIN_PASSWORD, "https://thi.example.gov.vn",
                WebConfig.UNLIMITED, AppConfig.DEFAULT_MAX_UPLOAD_MB, 60, "test-metrics-token"), Clock.systemUTC());
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** The demo as it is, and a copy that opens in 30 days with two rounds. */
    static Path contests() throws java.io.IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String demo = Files.readString(root.resolve("examples/demo/contest.yaml"));
        String coming = demo.replace("code: demo-bac-kan", "code: " + COMING)
                .replace("title: \"Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn\"", "title: \"Tìm hiểu pháp luật 2026\"")
                .replaceAll("(?s)opensAt: today-1d\nclosesAt: .*?\neligibility:", """
                        opensAt: today+30d
                        closesAt: today+43d 23:59:59
                        rounds:
                          - {code: vong-1, name: Vòng 1, opensAt: today+30d, closesAt: today+36d 23:59:59}
                          - {code: vong-2, name: Vòng 2, opensAt: today+37d, closesAt: today+43d 23:59:59}
                        eligibility:""");
        if (coming.contains("today-1d")) {
            throw new IllegalStateException("the demo's dates changed; adjust the coming contest");
        }
        Path dir = Files.createTempDirectory("contests");
        for (String[] c : new String[][] {{"demo-bac-kan", demo}, {COMING, coming}}) {
            Path folder = Files.createDirectories(dir.resolve(c[0]));
            Files.writeString(folder.resolve("contest.yaml"), c[1]);
            Files.copy(root.resolve("examples/bac-kan-2023/questions.csv"), folder.resolve("questions.csv"));
        }
        return dir;
    }

    @Override
    public void close() {
        app.close();
        platforms.stop();
    }
}
