package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An announcement reaches every registered participant of the channel through the outbox, with its progress. */
class BroadcastTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("broadcast", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyRegisteredWebParticipantGetsTheAnnouncementAndTheProgressShowsIt() throws Exception {
        WebClient an = new WebClient(app.port());
        WebClient binh = new WebClient(app.port());
        WebClient visitor = new WebClient(app.port());
        an.register("Vương Thị An", "01/01/1990", "0912000771", 2, "1");
        binh.register("Vương Văn Bình", "01/01/1991", "0912000772", 1, "2");
        visitor.send("xin chào");
        AdminClient admin = new AdminClient(app.port());
        assertEquals(303, admin.login("admin", TestApps.ADMIN_PASSWORD).statusCode());
        assertTrue(admin.get("/admin/broadcasts").body().contains("Trang web (2 người)"), "the unregistered visitor is not counted");
        assertEquals(400, admin.post("/admin/broadcasts", Map.of("channel", "web", "text", "")).statusCode());
        assertEquals(303, admin.post("/admin/broadcasts", Map.of("channel", "web",
                "text", "Ban Tổ chức thông báo: tuần thi 2 bắt đầu từ thứ Hai.")).statusCode());
        assertTrue(an.poll().stream().anyMatch(m -> m.get("text").asText().startsWith("Ban Tổ chức thông báo")));
        assertTrue(binh.poll().stream().anyMatch(m -> m.get("text").asText().startsWith("Ban Tổ chức thông báo")));
        assertTrue(visitor.poll().stream().noneMatch(m -> m.get("text").asText().startsWith("Ban Tổ chức thông báo")));
        long end = System.nanoTime() + 10_000_000_000L;
        String page = "";
        while (System.nanoTime() < end) {
            page = admin.get("/admin/broadcasts").body();
            if (page.contains("2/2") && page.contains("100%")) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(page.contains("2/2") && page.contains("100%"), page);
        assertTrue(admin.get("/admin/audit").body().contains("Gửi thông báo"));
    }
}
