package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.admin.auth.AdminUser;
import vn.contest.admin.auth.AdminUsers;
import vn.contest.admin.auth.Role;
import vn.contest.core.net.TrustedProxies;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestDatabase;
import vn.contest.web.WebConfig;

/**
 * The admin web's doors, tried as an attacker would: parallel guesses, a lockout turned against the owner,
 * sessions outliving a password change, weak and oversized passwords, and the audit of who logged in.
 */
class AdminHardeningTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        // Behind a proxy on 127.0.0.1, so each test client can come from its own address.
        app = TestApps.onSharedServer("admin_hardening", Clock.systemUTC(), null, null,
                new WebConfig(30, 1_000_000, 1_000_000, 100_000, TrustedProxies.parse("127.0.0.1")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long audited(String action, String username) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = :a AND username = :u")
                .bind("a", action).bind("u", username).mapTo(Long.class).one());
    }

    @Test
    void parallelGuessesCannotRaceThePastTheLimit() throws Exception {
        app.admin().users().create("racer", Role.VIEWER, "Racer-Password-2023");
        ExecutorService pool = Executors.newFixedThreadPool(15);
        try {
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                int n = i;
                tries.add(pool.submit((Callable<Integer>) () -> new AdminClient(app.port()).from("203.0.113.60")
                        .login("racer", "wrong-guess-" + n).statusCode()));
            }
            int checked = 0;
            for (Future<Integer> t : tries) {
                checked += t.get() == 401 ? 1 : 0;
            }
            assertTrue(checked <= 5, "at most five guesses were checked, not " + checked);
            assertEquals(checked, audited("Đăng nhập thất bại", "racer"));
            assertEquals(15 - checked, audited("Đăng nhập bị chặn (sai quá nhiều lần)", "racer"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAttackerElsewhereCannotLockTheOwnerOut() {
        app.admin().users().create("owner", Role.SECRETARY, "Owner-Password-2023");
        AdminClient attacker = new AdminClient(app.port()).from("203.0.113.61");
        for (int i = 0; i < 7; i++) {
            attacker.login("owner", "guess-" + i);
        }
        assertEquals(429, attacker.login("owner", "Owner-Password-2023").statusCode(), "the guessing address waits");
        assertEquals(303, new AdminClient(app.port()).from("198.51.100.7").login("owner", "Owner-Password-2023").statusCode(),
                "the owner, from their own address, gets in");
        assertEquals(1, audited("Đăng nhập", "owner"));
    }

    @Test
    void guessesSpreadOverOneIpv6NetworkCountAsOneAddress() {
        app.admin().users().create("roamer", Role.VIEWER, "Roamer-Password-2023");
        int refused = 0;
        for (int i = 1; i <= 7; i++) {
            // Each guess from another address of the same /64, as any IPv6 host can choose.
            int status = new AdminClient(app.port()).from("2001:db8:ab:cd::" + Integer.toHexString(i)).login("roamer", "guess-" + i).statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertEquals(2, refused, "the 6th and 7th guesses from the network wait");
        assertEquals(303, new AdminClient(app.port()).from("2001:db8:ab:ce::1").login("roamer", "Roamer-Password-2023").statusCode(),
                "the owner, from the next network, gets in");
    }

    @Test
    void aPasswordChangeOrADeactivationEndsTheOtherSessions() {
        AdminUser user = app.admin().users().create("sessions", Role.SECRETARY, "Sessions-Password-2023");
        AdminClient here = new AdminClient(app.port());
        AdminClient there = new AdminClient(app.port());
        here.login("sessions", "Sessions-Password-2023");
        there.login("sessions", "Sessions-Password-2023");
        assertEquals(200, there.get("/admin/participants").statusCode());
        assertEquals(200, here.post("/admin/password", Map.of("current", "Sessions-Password-2023", "next", "Mat-Khau-Moi-2024!",
                "repeat", "Mat-Khau-Moi-2024!")).statusCode());
        assertEquals(303, there.get("/admin/participants").statusCode(), "the other session ended with the old password");
        assertEquals(200, here.get("/admin/participants").statusCode(), "the one that changed it goes on");

        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        admin.post("/admin/users/" + user.id() + "/active", Map.of("active", "false"));
        admin.post("/admin/users/" + user.id() + "/active", Map.of("active", "true"));
        assertEquals(303, here.get("/admin/participants").statusCode(), "deactivation ended it, re-activation did not revive it");
        assertEquals(404, admin.post("/admin/users/999999/active", Map.of("active", "true")).statusCode(), "no account, no invented state");
    }

    @Test
    void aLogoutWithoutTheFormsTokenStillEndsTheSession() {
        app.admin().users().create("leaver", Role.VIEWER, "Leaver-Password-2023");
        AdminClient c = new AdminClient(app.port());
        c.login("leaver", "Leaver-Password-2023");
        String cookie = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id WHERE u.username = 'leaver'")
                .mapTo(Long.class).one()).toString();
        assertEquals("1", cookie);
        c.post("/admin/logout", Map.of(), null);
        long left = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id WHERE u.username = 'leaver'")
                .mapTo(Long.class).one());
        assertEquals(0, left);
        assertEquals(1, audited("Đăng xuất", "leaver"));
    }

    @Test
    void anonymisingEveryoneWaitsForTheContestToClose() {
        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        HttpResponse<String> early = admin.post("/admin/settings/anonymise", Map.of("confirm", "ẨN DANH"));
        assertEquals(400, early.statusCode());
        assertTrue(early.body().contains("sau khi cuộc thi kết thúc"), "the demo contest is still open");
    }

    @Test
    void metricsAreForLoopbackOrTheTokenHolder() throws Exception {
        WebClient chat = new WebClient(app.port());
        chat.send("xin chào");
        var local = chat.raw("GET", "/metrics", null);
        assertEquals(200, local.statusCode());
        String text = local.body();
        for (String metric : new String[] {"contest_inbound_messages_total{channel=\"web\",outcome=\"handled\"}",
                "contest_turn_latency_seconds_bucket", "contest_papers_in_progress", "hikaricp_connections", "jvm_memory_used_bytes"}) {
            assertTrue(text.contains(metric), metric + " in\n" + text.substring(0, Math.min(2000, text.length())));
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var outside = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                .header("X-Forwarded-For", "203.0.113.70");
        assertEquals(401, http.send(outside.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode(),
                "from elsewhere (through the proxy) without the token");
        assertEquals(200, http.send(outside.header("Authorization", "Bearer test-metrics-token").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode(), "with METRICS_TOKEN");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/assets/chat.js", "/admin/login", "/health", "/api/web/contest"}) {
            var r = new WebClient(app.port()).raw("GET", path, null);
            var h = r.headers();
            assertTrue(h.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'")
                    && !h.firstValue("Content-Security-Policy").orElse("").contains("unsafe-inline"), path + ": " + h.map());
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("same-origin", h.firstValue("Referrer-Policy").orElse(""), path);
        }
        assertTrue(new WebClient(app.port()).raw("GET", "/health", null).headers().firstValue("Strict-Transport-Security")
                .orElse("").contains("max-age="), "PUBLIC_URL is https (TestApps): browsers are told to keep to https");
    }

    @Test
    void weakOversizedAndCommonPasswordsAreRefusedWithAMessage() {
        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        for (String weak : new String[] {"Short-1", "password1234", "111111111111", "weakpass-weakling"}) {
            HttpResponse<String> r = admin.post("/admin/users", Map.of("username", "weakling", "password", weak, "role", "VIEWER"));
            assertEquals(400, r.statusCode(), weak);
            assertTrue(r.body().contains("Mật khẩu"), r.body());
        }
        HttpResponse<String> huge = new AdminClient(app.port()).from("203.0.113.62").login("admin", "ả".repeat(40));
        assertEquals(400, huge.statusCode(), "over bcrypt's limit: a message, not a 500");
        assertTrue(huge.body().contains("71 byte"), huge.body());
        HttpResponse<String> exactly72 = admin.post("/admin/users", Map.of("username", "seventytwo",
                "password", "Mat-khau-dai-" + "x".repeat(59), "role", "VIEWER"));
        assertEquals(400, exactly72.statusCode(), "72 bytes is refused with a message, not hashed into a 500");
        try (Database db = TestDatabase.fresh()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AdminUsers(db.jdbi()).ensureFirstAdmin("1111111111"));
            assertTrue(e.getMessage().contains("ADMIN_PASSWORD"), e.getMessage());
        }
    }
}
