package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may publish a contest's winners, and what crosses between contests: an account that is Thư ký in one contest
 * but only Xem in the other cannot publish or withdraw there (403, nothing changes); a form without its CSRF token is
 * refused; a list of another contest cannot be published; publishing or withdrawing in one contest never touches the
 * other's page; and a visitor changing the code in the address sees only what that contest published.
 */
class PublishedWinnersAccessTest {
    static final String DEMO = "demo-bac-kan";
    static final String LAW = "luat-2026";
    static App app;
    static AdminClient admin;
    static long demoSnapshot;
    static long lawSnapshot;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.withContests("published_winners_access", Clock.systemUTC(), TestApps.twoContests());
        play(DEMO, "Đặng Thị Miền Núi", "0915000001");
        play(LAW, "Vi Văn Luật", "0915000002");
        admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        assertEquals(303, admin.post("/admin/contest", Map.of("contest", LAW)).statusCode());
        assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
        lawSnapshot = snapshotOf(LAW);
        // Thư ký in the law contest (created there), only Xem in the demo contest.
        assertEquals(303, admin.post("/admin/users", Map.of("username", "thuky-ketqua", "role", "SECRETARY",
                "password", "Thu-Ky-Ket-Qua-2026!")).statusCode());
        assertEquals(303, admin.post("/admin/contest", Map.of("contest", DEMO)).statusCode());
        assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
        demoSnapshot = snapshotOf(DEMO);
        assertEquals(303, admin.post("/admin/users/grant", Map.of("username", "thuky-ketqua", "role", "VIEWER")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void play(String contest, String name, String phone) {
        WebClient web = new WebClient(app.port());
        web.send("xin chào");
        web.tap("contest:" + contest);
        web.tap(web.token("Đồng ý"));
        web.send(name);
        web.send("14/02/1985");
        web.send(phone);
        web.send("1");
        web.send("22");
        web.tap(web.token("Xác nhận"));
        assertTrue(web.text().contains("Đăng ký thành công"), web.text());
        web.takePaper(app, 6);
    }

    static long one(String sql, Object... args) {
        return app.database().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    static long snapshotOf(String contest) {
        return one("SELECT max(s.id) FROM prize_snapshots s JOIN contests c ON c.id = s.contest_id WHERE c.code = ?", contest);
    }

    /** The contest's publication as stored ("none" when nothing is published), to see that a refusal changed nothing. */
    static String publication(String contest) {
        return app.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT coalesce((SELECT p.snapshot_id || ' ' || p.published_at || ' ' || p.published_by FROM published_results p
                                 JOIN contests c ON c.id = p.contest_id WHERE c.code = :c), 'none')""")
                .bind("c", contest).mapTo(String.class).one());
    }

    static String page(String contest) {
        HttpResponse<String> r = PublishedWinnersTest.publicGet(app, "/c/" + contest + "/giai-thuong");
        assertEquals(200, r.statusCode(), contest);
        return r.body();
    }

    @Test
    void onlyThoseWhoMayConfirmPublishTheirOwnContestAndNothingCrosses() {
        AdminClient secretary = new AdminClient(app.port());
        assertEquals(303, secretary.login("thuky-ketqua", "Thu-Ky-Ket-Qua-2026!").statusCode());

        // In the demo contest this account is only Xem: it may not publish, nor withdraw what the committee published.
        assertEquals(303, secretary.post("/admin/contest", Map.of("contest", DEMO)).statusCode());
        HttpResponse<String> refused = secretary.post("/admin/results/publish", Map.of("snapshot", String.valueOf(demoSnapshot)));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Không có quyền"), refused.body());
        assertEquals("none", publication(DEMO), "nothing published");
        assertFalse(page(DEMO).contains("Đặng Thị Miền Núi"));
        assertEquals(303, admin.post("/admin/results/publish", Map.of("snapshot", String.valueOf(demoSnapshot))).statusCode());
        String demoPublished = publication(DEMO);
        assertTrue(page(DEMO).contains("Đặng Thị Miền Núi"));
        assertEquals(403, secretary.post("/admin/results/withdraw", Map.of()).statusCode());
        assertEquals(demoPublished, publication(DEMO), "nothing withdrawn");
        assertTrue(page(DEMO).contains("Đặng Thị Miền Núi"), "still on the page");

        // In the law contest this account is Thư ký: the form's token is still required.
        assertEquals(303, secretary.post("/admin/contest", Map.of("contest", LAW)).statusCode());
        assertEquals(403, secretary.post("/admin/results/publish", Map.of("snapshot", String.valueOf(lawSnapshot)), null).statusCode());
        assertEquals(403, secretary.post("/admin/results/publish", Map.of("snapshot", String.valueOf(lawSnapshot)), "forged-token").statusCode());
        assertEquals("none", publication(LAW), "no token, nothing published");
        // Another contest's list cannot be published here (nor does it touch that contest).
        assertEquals(400, secretary.post("/admin/results/publish", Map.of("snapshot", String.valueOf(demoSnapshot))).statusCode());
        assertEquals(400, secretary.post("/admin/results/publish", Map.of("snapshot", "1 OR 1=1")).statusCode());
        assertEquals("none", publication(LAW));
        assertEquals(demoPublished, publication(DEMO));

        assertEquals(303, secretary.post("/admin/results/publish", Map.of("snapshot", String.valueOf(lawSnapshot))).statusCode());
        assertEquals(1, one("""
                SELECT count(*) FROM audit_log a JOIN contests c ON c.id = a.contest_id
                WHERE c.code = ? AND a.username = 'thuky-ketqua' AND a.action = 'Công bố kết quả trên trang công khai'""", LAW),
                "audited in the law contest");
        String law = page(LAW);
        String demo = page(DEMO);
        assertTrue(law.contains("Vi Văn Luật") && !law.contains("Đặng Thị Miền Núi"), "each contest's page shows its own list: " + law);
        assertTrue(demo.contains("Đặng Thị Miền Núi") && !demo.contains("Vi Văn Luật"), demo);
        assertEquals(law, page(LAW.toUpperCase()), "the code in any case is the same page");

        // Withdrawing in the law contest leaves the demo contest's page as it was.
        assertEquals(303, secretary.post("/admin/results/withdraw", Map.of()).statusCode());
        assertFalse(page(LAW).contains("Vi Văn Luật"), "withdrawn at once");
        assertTrue(page(DEMO).contains("Đặng Thị Miền Núi"), "the other contest keeps its published list");
        assertEquals(demoPublished, publication(DEMO));

        // A visitor fiddling with the address sees only what a contest published, or nothing.
        for (String path : List.of("/c/" + DEMO + "%2F..%2F" + LAW + "/giai-thuong", "/c/" + DEMO + "-x/giai-thuong", "/c/%27%20OR%201=1/giai-thuong")) {
            HttpResponse<String> r = PublishedWinnersTest.publicGet(app, path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("Đặng Thị Miền Núi") || r.body().contains("Vi Văn Luật"), path);
        }
    }
}
