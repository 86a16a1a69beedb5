package vn.contest.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.check.Check;
import vn.contest.core.testing.TestEngine;

/**
 * The Zalo channel's checks against the stand-in of OAuth (the documented refresh) and of a picture's host: they
 * pass when Zalo grants the refresh, and fail with what to do for a refused token and an unreachable API.
 */
class ZaloChecksTest {
    static ZaloStandIn z;

    @BeforeAll
    static void setUp() {
        z = new ZaloStandIn(TestEngine.start());
    }

    @AfterAll
    static void tearDown() {
        z.close();
    }

    @BeforeEach
    void reset() {
        z.reset();
        z.engine.db.jdbi().useHandle(h -> h.execute("DELETE FROM platform_tokens"));
    }

    static ZaloConfig config(String oauthUrl, String imageUrl, String template) {
        String base = "http://localhost:" + z.zalo.port();
        return new ZaloConfig(ZaloEvents.APP_ID, "app-secret", ZaloStandIn.OA_SECRET, "AT1", "RT1", base, oauthUrl, template, base,
                ZaloConfig.DEFAULT_MAX_EVENT_AGE, null, imageUrl, "https://thi.example.gov.vn", false);
    }

    static List<Check> checks(ZaloConfig config) {
        try (ZaloChannel channel = new ZaloChannel(config, z.engine.dialogue, z.engine.db.jdbi(), Clock.systemUTC())) {
            return channel.checks();
        }
    }

    static Check about(List<Check> checks, String subject) {
        return checks.stream().filter(c -> c.subject().startsWith(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no check of " + subject + " in " + checks));
    }

    @Test
    void aRefreshableTokenPairAndAPictureThatIsOnePass() {
        z.zalo.stubFor(get(urlPathEqualTo("/the.png")).willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(new byte[] {1})));
        String base = "http://localhost:" + z.zalo.port();
        List<Check> checks = checks(config(base, base + "/the.png", null));
        assertTrue(checks.stream().noneMatch(Check::failed), checks.toString());
        Check pair = about(checks, "Zalo: cặp access token");
        assertEquals(Check.Status.OK, pair.status(), pair.line());
        assertTrue(pair.detail().contains("làm mới được"), pair.line());
        assertEquals("AT2", z.engine.db.jdbi().withHandle(h -> h.createQuery("SELECT access_token FROM platform_tokens").mapTo(String.class).one()),
                "the refreshed pair is stored before anything uses it");
        assertEquals(Check.Status.OK, about(checks, "Zalo: ảnh").status());
        // What no documented endpoint answers is said, with the hand check that settles it.
        assertEquals(Check.Status.WARN, about(checks, "Zalo: webhook và OA").status());
        assertTrue(about(checks, "Zalo: webhook và OA").whatToDo().contains("/webhooks/zalo"));

        checks(config(base, base + "/the.png", null));
        assertEquals(1, z.zalo.findAll(postRequestedFor(urlPathEqualTo("/v4/oa/access_token"))).size(),
                "a pair refreshed within the hour is not refreshed again by a second check");
    }

    @Test
    void aRefusedRefreshTokenFailsWithWhatToDo() {
        z.zalo.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).atPriority(1).willReturn(okJson(
                "{\"error\":-14014,\"error_name\":\"invalid_grant\",\"error_description\":\"Refresh token is invalid\"}")));
        Check pair = about(checks(config("http://localhost:" + z.zalo.port(), null, null)), "Zalo: cặp access token");
        assertEquals(Check.Status.FAIL, pair.status(), pair.line());
        assertTrue(pair.detail().contains("invalid_grant"), pair.line());
        assertTrue(pair.whatToDo().contains("zalo-tokens") && pair.whatToDo().contains("ZALO_REFRESH_TOKEN"), pair.line());
    }

    @Test
    void anUnreachableApiFailsWithWhatToDo() {
        Check pair = about(checks(config("http://127.0.0.1:9", null, null)), "Zalo: cặp access token");
        assertEquals(Check.Status.FAIL, pair.status(), pair.line());
        assertTrue(pair.detail().contains("không kết nối được") && pair.whatToDo().contains("http://127.0.0.1:9"), pair.line());
    }

    @Test
    void aPictureThatIsNotOneFailsAndNoPictureIsAWarning() {
        z.zalo.stubFor(get(urlPathEqualTo("/not.png")).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>")));
        String base = "http://localhost:" + z.zalo.port();
        assertEquals(Check.Status.FAIL, about(checks(config(base, base + "/not.png", null)), "Zalo: ảnh").status());
        ZaloConfig noPicture = new ZaloConfig(ZaloEvents.APP_ID, "app-secret", ZaloStandIn.OA_SECRET, "AT1", "RT1", base, base);
        assertEquals(Check.Status.WARN, about(checks(noPicture), "Zalo: ảnh").status());
    }

    @Test
    void aConfiguredTemplateIsSaidToBeUncheckableWithTheTestThatSettlesIt() {
        String base = "http://localhost:" + z.zalo.port();
        Check template = about(checks(config(base, null, "123456")), "Zalo: mẫu ZNS");
        assertEquals(Check.Status.WARN, template.status());
        assertTrue(template.whatToDo().contains("doctor --test-code"), template.line());
    }
}
