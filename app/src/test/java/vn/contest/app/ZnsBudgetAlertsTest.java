package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.zalo.ZaloConfig;

/**
 * The OA's daily budget for one-time codes (ZNS_DAILY_BUDGET, here 5) over real HTTP: /health carries a code from
 * 80% of it and another at all of it, the administrators' dashboard says what it means, and the next person on
 * the web is refused politely and registers unverified.
 */
class ZnsBudgetAlertsTest {
    static WireMockServer zns;
    static App app;

    @BeforeAll
    static void start() throws Exception {
        zns = new WireMockServer(wireMockConfig().dynamicPort());
        zns.start();
        zns.stubFor(post(urlPathEqualTo("/message/template")).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"a1b2\",\"sent_time\":\"1700000000000\"}}")));
        String base = "http://localhost:" + zns.port();
        ZaloConfig zalo = ZaloConfig.fromEnv(Map.of("ZALO_APP_ID", "111", "ZALO_APP_SECRET", "app-secret",
                "ZALO_OA_SECRET_KEY", "oa-secret", "ZALO_ACCESS_TOKEN", "AT1", "ZALO_REFRESH_TOKEN", "RT1",
                "ZALO_API_URL", base, "ZALO_OAUTH_URL", base, "ZALO_ZNS_URL", base,
                "ZALO_ZNS_OTP_TEMPLATE_ID", "248613", "ZNS_DAILY_BUDGET", "5")).orElseThrow();
        app = TestApps.onSharedServer("zns_budget", Clock.systemUTC(), null, zalo);
    }

    @AfterAll
    static void stop() {
        app.close();
        zns.stop();
    }

    static WebClient upToThePhone(String phone) {
        WebClient c = new WebClient(app.port());
        c.send("xin chào");
        c.tap(c.token("Đồng ý"));
        c.send("Người Nhận Mã");
        c.send("05/05/1985");
        c.send(phone);
        return c;
    }

    static String health() {
        return new WebClient(app.port()).raw("GET", "/health", null).body();
    }

    static String dashboard() {
        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        return admin.get("/admin").body();
    }

    @Test
    void theDashboardAndHealthWarnAtEightyPercentAndTheBudgetStopsCodesPolitelyAtAll() {
        for (int i = 1; i <= 3; i++) {
            upToThePhone("091250000" + i);
        }
        assertFalse(health().contains("ZNS_"), "3 of 5: nothing to say yet: " + health());

        upToThePhone("0912500004");
        assertTrue(health().contains("\"ZNS_DAILY_BUDGET_LOW\""), health());
        String warned = dashboard();
        assertTrue(warned.contains("hôm nay đã gửi 4/5 mã, quá 80% ngân sách ngày (ZNS_DAILY_BUDGET)"), warned);

        upToThePhone("0912500005");
        assertTrue(health().contains("\"ZNS_DAILY_BUDGET_SPENT\"") && !health().contains("ZNS_DAILY_BUDGET_LOW"), health());
        assertTrue(dashboard().contains("đã gửi hết 5 mã của ngân sách hôm nay"), "told on the dashboard");
        assertFalse(health().contains("ngân sách"), "/health is public: codes only");

        WebClient late = upToThePhone("0912500006");
        assertEquals(5, zns.findAll(postRequestedFor(urlPathEqualTo("/message/template"))).size(), "no sixth paid message");
        assertTrue(late.text().contains("Hôm nay hệ thống đã gửi hết số mã xác minh"), late.text());
        late.tap(late.token("Bỏ qua"));
        assertTrue(late.text().contains("Bước 4/5"), "registers unverified: " + late.text());
    }
}
