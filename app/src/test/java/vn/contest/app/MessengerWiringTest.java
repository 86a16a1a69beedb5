package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.contest.core.testing.Eventually.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestDatabase;
import vn.contest.messenger.MessengerConfig;
import vn.contest.web.WebConfig;

/**
 * The app with MESSENGER_* set, and nothing else changed for it: the webhook's handshake and a signed message
 * answered through the Send API by the app's own dispatcher, the Page profile set at start, and the admin web's unit
 * links and broadcast page reading the new channel from the channel list.
 */
class MessengerWiringTest {

    @Test
    void theAppServesMessengerFromItsSettingsAlone() throws Exception {
        WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
        graph.start();
        try {
            graph.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}")));
            graph.stubFor(post(urlPathEqualTo("/v25.0/me/messenger_profile")).willReturn(okJson("{\"result\":\"success\"}")));
            MessengerConfig messenger = MessengerConfig.fromEnv(Map.of("MESSENGER_PAGE_TOKEN", "EAAGpage", "MESSENGER_APP_SECRET", "app-secret",
                    "MESSENGER_VERIFY_TOKEN", "verify-me", "MESSENGER_API_URL", "http://localhost:" + graph.port(),
                    "MESSENGER_PAGE_USERNAME", "thibackan")).orElseThrow();
            try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
                c.createStatement().execute("CREATE DATABASE messenger_wiring");
            }
            try (App app = App.start(new AppConfig("127.0.0.1", 0, Files.createTempDirectory("unused"),
                    TestDatabase.server().jdbcUrl("messenger_wiring"), "postgres", "postgres", null, null, null, TestApps.ADMIN_PASSWORD,
                    "https://thi.example.gov.vn", WebConfig.UNLIMITED, AppConfig.DEFAULT_MAX_UPLOAD_MB, 60, null, messenger), Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + app.port() + "/webhooks/messenger";
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> handshake = http.send(HttpRequest.newBuilder(URI.create(base
                        + "?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals("42", handshake.body());

                String event = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":[{\"sender\":{\"id\":\"6024687352500001\"},"
                        + "\"recipient\":{\"id\":\"1\"},\"timestamp\":1,\"message\":{\"mid\":\"m_wiring\",\"text\":\"xin ch\\u00e0o\"}}]}]}";
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec("app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(event.getBytes(StandardCharsets.UTF_8)));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base)).header("X-Hub-Signature-256", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                await(() -> graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/me/messages"))).stream()
                        .anyMatch(q -> q.getBodyAsString().contains("6024687352500001")), "the welcome sent by the app's dispatcher");
                await(() -> !graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/me/messenger_profile"))).isEmpty(), "the profile set at start");

                AdminClient admin = new AdminClient(app.port());
                admin.login("admin", TestApps.ADMIN_PASSWORD);
                String units = admin.get("/admin/units").body();
                assertTrue(units.contains("<th>Messenger</th>") && units.contains("https://m.me/thibackan?ref=demo-bac-kan-so-noi-vu"), units);
                String broadcasts = admin.get("/admin/broadcasts").body();
                assertTrue(broadcasts.contains("Kênh Messenger chỉ gửi được tới người đã nhắn tin qua kênh này trong 1 ngày gần nhất."), broadcasts);
            }
        } finally {
            graph.stop();
        }
    }
}
