package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.net.TrustedProxies;
import vn.contest.web.WebConfig;

/**
 * Behind a proxy that sends no X-Forwarded-For (nginx with a bare proxy_pass) every visitor looks like the proxy.
 * With TRUSTED_PROXIES naming it, the first such request is logged once and the administrators' dashboard says
 * what is wrong and how to fix it; /health (public) does not.
 */
class ProxySanityTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("proxy_sanity", Clock.systemUTC(), null, null,
                new WebConfig(30, 1_000_000, 1_000_000, 100_000, TrustedProxies.parse("127.0.0.1")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static AdminClient admin() {
        AdminClient admin = new AdminClient(app.port()).from("198.51.100.70");
        assertEquals(303, admin.login("admin", TestApps.ADMIN_PASSWORD).statusCode());
        return admin;
    }

    @Test
    void aProxyThatNamesNoClientIsLoggedOnceAndShownOnTheDashboard() {
        AdminClient admin = admin();
        String before = admin.get("/admin").body();
        assertFalse(before.contains("X-Forwarded-For"), "through a proxy that names its clients, nothing to say");

        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            // Three people through a bare proxy_pass: the chat page's requests carry no X-Forwarded-For.
            for (int i = 0; i < 3; i++) {
                new WebClient(app.port()).send("xin chào");
            }
        } finally {
            System.setErr(err);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, logged.split("without X-Forwarded-For", -1).length - 1, "warned once: " + logged);

        String after = admin.get("/admin").body();
        assertTrue(after.contains("Máy chủ trung gian 127.0.0.1 (trong TRUSTED_PROXIES) chuyển tiếp yêu cầu mà không kèm X-Forwarded-For")
                && after.contains("proxy_set_header X-Forwarded-For $remote_addr;"), after);
        assertFalse(new WebClient(app.port()).raw("GET", "/health", null).body().contains("FORWARDED"), "not on the public /health");
    }
}
