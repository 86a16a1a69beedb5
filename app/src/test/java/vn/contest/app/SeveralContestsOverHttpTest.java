package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real app serving two contests from CONTEST_DIR: one web chat takes part in both, and the committee of one
 * contest sees and changes nothing of the other, in a browser too.
 */
class SeveralContestsOverHttpTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.withContests("several_contests", Clock.systemUTC(), TestApps.twoContests());
    }

    @AfterAll
    static void stop() {
        app.close();
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

    static long contestId(String code) {
        return one("SELECT id FROM contests WHERE code = ?", code);
    }

    /** Registers a new web chat in the contest {@code code}, through the choice of contests. */
    static WebClient registered(String code, String name, String phone) {
        WebClient web = new WebClient(app.port());
        web.send("xin chào");
        assertTrue(web.text().contains("Hiện có 2 cuộc thi"), web.text());
        web.tap("contest:" + code);
        web.tap(web.token("Đồng ý"));
        web.send(name);
        web.send("01/01/1990");
        web.send(phone);
        web.send("2");
        web.send("22");
        web.tap(web.token("Xác nhận"));
        assertTrue(web.text().contains("Đăng ký thành công"), web.text());
        return web;
    }

    @Test
    void oneWebChatTakesPartInBothWithSeparatePapersAndResults() {
        WebClient web = registered("demo-bac-kan", "Hoàng Văn Một", "0914000001");
        web.takePaper(app, 3);
        web.send("cuộc thi khác");
        web.tap("contest:luat-2026");
        assertTrue(web.text().contains("【Tìm hiểu pháp luật 2026】") && web.text().contains("Bạn là Hoàng Văn Một"), web.text());
        web.tap(web.token("Xác nhận"));
        web.send("2");
        web.send("22");
        assertTrue(web.text().contains("Đăng ký thành công"), web.text());
        web.takePaper(app, 7);
        web.send("kết quả");
        assertTrue(web.text().contains("7/10") && !web.text().contains("3/10"), "this contest's paper only: " + web.text());
        assertEquals(1, one("SELECT count(*) FROM attempts WHERE contest_id = ?", contestId("luat-2026")));
        assertEquals(1, one("SELECT count(*) FROM attempts WHERE contest_id = ?", contestId("demo-bac-kan")));
    }

    @Test
    void aSecretaryOfOneContestSeesAndChangesNothingOfTheOther() throws Exception {
        WebClient demoPerson = registered("demo-bac-kan", "Đinh Thị Khác", "0914000002");
        WebClient lawPerson = registered("luat-2026", "Vi Văn Luật", "0914000003");
        long demoParticipant = one("SELECT id FROM participants WHERE phone = '0914000002'");
        long lawParticipant = one("SELECT id FROM participants WHERE phone = '0914000003'");

        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        assertEquals(303, admin.post("/admin/contest", Map.of("contest", "luat-2026")).statusCode());
        assertEquals(303, admin.post("/admin/users", Map.of("username", "thuky-luat", "role", "SECRETARY",
                "password", "Thu-Ky-Luat-2026!")).statusCode());
        String front = admin.get("/admin").body();
        assertTrue(front.contains("id=\"contests\"") && front.contains("Tìm hiểu pháp luật 2026") && front.contains("Đang diễn ra"),
                "the front page lists the contests with their state: " + front);
        String contests = admin.get("/admin/contests").body();
        assertTrue(contests.contains("luat-2026") && contests.contains("demo-bac-kan") && contests.contains("Đang diễn ra"), contests);

        AdminClient secretary = new AdminClient(app.port());
        secretary.login("thuky-luat", "Thu-Ky-Luat-2026!");
        assertEquals(404, secretary.get("/admin/participants/" + demoParticipant).statusCode(), "another contest's person");
        assertEquals(200, secretary.get("/admin/participants/" + lawParticipant).statusCode());
        assertEquals(403, secretary.post("/admin/contest", Map.of("contest", "demo-bac-kan")).statusCode(), "no switching to it");
        assertEquals(404, secretary.post("/admin/participants/" + demoParticipant + "/disqualify", Map.of("reason", "thử dừng quyền dự thi")).statusCode());
        assertEquals(0, one("SELECT count(*) FROM participants WHERE id = ? AND disqualified_at IS NOT NULL", demoParticipant));
        assertEquals(403, secretary.get("/admin/contests").statusCode());

        WebDriver d = Browser.desktop();
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
            String base = "http://127.0.0.1:" + app.port();
            d.get(base + "/admin/login");
            d.findElement(By.id("username")).sendKeys("thuky-luat");
            d.findElement(By.id("password")).sendKeys("Thu-Ky-Luat-2026!");
            d.findElement(By.id("login")).click();
            wait.until(x -> x.getPageSource().contains("Tìm hiểu pháp luật 2026"));
            assertTrue(d.findElements(By.id("contest-switch")).isEmpty(), "one contest granted: nothing to switch to");
            d.get(base + "/admin/participants");
            String list = d.getPageSource();
            assertTrue(list.contains("Vi Văn Luật") && !list.contains("Đinh Thị Khác"), list);
            d.get(base + "/admin/participants?q=" + java.net.URLEncoder.encode("Đinh Thị Khác", java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(d.getPageSource().contains("0914000002"), "searching finds nobody of the other contest");
            d.get(base + "/admin/participants/" + demoParticipant);
            assertTrue(d.getPageSource().contains("Không có người dự thi này"), d.getPageSource());
        } finally {
            d.quit();
        }
        demoPerson.send("trợ giúp");
        lawPerson.send("trợ giúp");
    }
}
