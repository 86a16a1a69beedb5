package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.contest.zalo.ZaloConfig;

/** The app with ZALO_* set: a signed follow is answered through the OA API; a failed token refresh shows on /health. */
class ZaloWiringTest {

    @Test
    void aSignedFollowIsAnsweredAndARefusedRefreshBecomesAHealthAlert() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try {
            wm.stubFor(post(urlPathEqualTo("/v3.0/oa/message/cs")).willReturn(okJson("{\"error\":-216,\"message\":\"Access token is invalid\"}")));
            wm.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).willReturn(okJson("{\"error\":-14014,\"message\":\"Invalid refresh token\"}")));
            String base = "http://localhost:" + wm.port();
            ZaloConfig zalo = ZaloConfig.fromEnv(Map.of("ZALO_APP_ID", "111", "ZALO_APP_SECRET", "app-secret",
                    "ZALO_OA_SECRET_KEY", "oa-secret", "ZALO_ACCESS_TOKEN", "AT1", "ZALO_REFRESH_TOKEN", "RT1",
                    "ZALO_API_URL", base, "ZALO_OAUTH_URL", base)).orElseThrow();
            try (App app = TestApps.onSharedServer("zalo_wiring", Clock.systemUTC(), null, zalo)) {
                String now = String.valueOf(System.currentTimeMillis());
                String event = "{\"oa_id\":\"9\",\"follower\":{\"id\":\"555\"},\"event_name\":\"follow\",\"app_id\":\"111\",\"timestamp\":\"" + now + "\"}";
                String mac = "mac=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(("111" + event + now + "oa-secret").getBytes(StandardCharsets.UTF_8)));
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/webhooks/zalo"))
                        .header("X-ZEvent-Signature", mac).POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                long end = System.nanoTime() + 10_000_000_000L;
                String health = "";
                while (System.nanoTime() < end) {
                    health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    if (health.contains("ZALO_TOKEN_REFRESH_FAILED")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertTrue(health.contains("\"status\":\"degraded\"") && health.contains("ZALO_TOKEN_REFRESH_FAILED"), health);
                assertTrue(!health.contains("Invalid refresh token") && !health.contains("Zalo:"), "the public check tells no details: " + health);
                AdminClient admin = new AdminClient(app.port());
                admin.login("admin", TestApps.ADMIN_PASSWORD);
                String dashboard = admin.get("/admin").body();
                assertTrue(dashboard.contains("id=\"alerts\"") && dashboard.contains("Zalo: làm mới access token thất bại"),
                        "the administrators see the alert in full");
                assertTrue(wm.findAll(postRequestedFor(urlPathEqualTo("/v3.0/oa/message/cs"))).size() >= 1, "the welcome was attempted");
                // The admin web names no platform: the reply window and the missing unit link come from the channel.
                String broadcasts = admin.get("/admin/broadcasts").body();
                // Zalo's free 48 hours (paid messages not accepted: ZALO_PAID_MESSAGES unset).
                assertTrue(broadcasts.contains("Kênh Zalo chỉ gửi được tới người đã nhắn tin qua kênh này trong 2 ngày gần nhất."), broadcasts);
                assertTrue(broadcasts.contains("người dùng Zalo quá 2 ngày không nhắn tin được tính ở cột \"Bỏ qua\""), broadcasts);
                String units = admin.get("/admin/units").body();
                assertTrue(units.contains("Chưa có đường dẫn theo đơn vị cho kênh: Zalo") && units.contains("<th>Trang web</th>")
                        && !units.contains("<th>Zalo</th>"), units);
            }
        } finally {
            wm.stop();
        }
    }
}
