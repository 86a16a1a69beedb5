package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.ranking.PublishedResults;

/**
 * A winner who erases their data after the list was published ("xác nhận xóa dữ liệu" in the chat) leaves the public
 * page: the prize stays (the list is the committee's), their name and masked phone do not, once the page is rebuilt.
 */
class ErasedWinnerTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("erased_winner", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anErasedWinnerIsNoLongerNamed() {
        WebClient winner = new WebClient(app.port());
        winner.register("Hoàng Thị Xóa", "02/02/1990", "0911222333", 1, "22");
        winner.takePaper(app, 10);
        PublishedWinnersTest.play(app, List.<String[]>of(new String[] {"Đinh Văn Còn", "05/05/1985", "0988777666", "1", "23"}));

        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
        String snapshot = String.valueOf(PublishedWinnersTest.latestSnapshot(app));
        assertEquals(303, admin.post("/admin/results/publish", Map.of("snapshot", snapshot)).statusCode());
        String published = PublishedWinnersTest.publicGet(app, PublishedWinnersTest.PAGE).body();
        assertTrue(published.contains("Hoàng Thị Xóa") && published.contains("09******33"), published);

        winner.send("xóa dữ liệu");
        winner.send("xác nhận xóa dữ liệu");
        long stillThere = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM participants WHERE phone = '0911222333'").mapTo(Long.class).one());
        assertEquals(0, stillThere, "erased");

        // Published again (the page is rebuilt at once; otherwise within PublicSite.FRESHNESS).
        assertEquals(303, admin.post("/admin/results/publish", Map.of("snapshot", snapshot)).statusCode());
        String after = PublishedWinnersTest.publicGet(app, PublishedWinnersTest.PAGE).body();
        assertFalse(after.contains("Hoàng Thị Xóa"), after);
        assertFalse(after.contains("09******33"), after);
        assertTrue(after.contains(PublishedResults.ERASED), "the prize stays, without the person: " + after);
        assertTrue(after.contains("Đinh Văn Còn") && after.contains("09******66"), "the others are still named: " + after);
    }
}
