package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * axe-core on every public page of a contest, on a phone (390x844) and a desktop screen, with people having taken
 * part: the front page, the landing page (and as opened through a unit's link), the standings and their embedded
 * widget, the winners before and after the committee publishes them, a share card and the 404 page; and the first thing the keyboard reaches on
 * each shows its focus. Fails listing every serious or critical violation of every page at once.
 */
class PublicPagesAccessibilityTest {
    private static final String CONTEST = "/c/demo-bac-kan";
    static App app;
    static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("a11y_public", Clock.systemUTC());
        PublishedWinnersTest.play(app, List.of(new String[] {"Ma Thị Điện Thoại", "05/06/1992", "0961234567", "1", "22"},
                new String[] {"Hoàng Văn Máy Tính", "21/10/1984", "0339876512", "2", "23"}));
        admin = new AdminClient(app.port());
        assertEquals(303, admin.login("admin", TestApps.ADMIN_PASSWORD).statusCode());
        assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390, 844", "1280, 900"})
    void everyPublicPageHasNoSeriousViolation(int width, int height) throws Exception {
        List<String> found = new ArrayList<>();
        WebDriver d = Browser.sized(width, height);
        try {
            assertEquals(303, admin.post("/admin/results/withdraw", Map.of()).statusCode());
            check(d, CONTEST + "/giai-thuong", "winners, not yet published", found);
            assertEquals(303, admin.post("/admin/results/publish",
                    Map.of("snapshot", String.valueOf(PublishedWinnersTest.latestSnapshot(app)))).statusCode());
            // The page was just read unpublished: the browser may keep that copy for its max-age.
            ((org.openqa.selenium.chrome.ChromeDriver) d).executeCdpCommand("Network.clearBrowserCache", Map.of());
            check(d, CONTEST + "/giai-thuong", "winners, published", found);
            assertTrue(d.findElement(By.tagName("main")).getText().contains("09******67"), "the published list is shown");
            check(d, "/", "front page", found);
            check(d, CONTEST, "landing page", found);
            check(d, CONTEST + "?don-vi=so-noi-vu", "landing page through a unit's link", found);
            check(d, CONTEST + "/thong-ke", "standings", found);
            check(d, CONTEST + "/thong-ke/nhung", "standings widget (embedded)", found);
            check(d, CONTEST + "/chia-se", "a participant's share card", found);
            check(d, "/c/khong-co-cuoc-thi-nay", 404, "the site's 404 page", found);
        } finally {
            d.quit();
        }
        if (!found.isEmpty()) {
            fail(width + "x" + height + ": " + found.size() + " accessibility problem(s) (axe serious or critical, or an unseen focus):\n  " + String.join("\n  ", found));
        }
    }

    /** Opens {@code path} (it must answer 200, or {@code status}) and adds each serious violation axe finds there to {@code found}. */
    private static void check(WebDriver d, String path, String what, List<String> found) {
        check(d, path, 200, what, found);
    }

    private static void check(WebDriver d, String path, int status, String what, List<String> found) {
        assertEquals(status, PublishedWinnersTest.publicGet(app, path).statusCode(), path);
        d.get("http://127.0.0.1:" + app.port() + path);
        assertEquals("vi", ((JavascriptExecutor) d).executeScript("return document.documentElement.lang;"), what + ": lang");
        for (Accessibility.Violation v : Accessibility.violations(d)) {
            if (v.serious()) {
                found.add(what + " (" + path + "): " + v);
            }
        }
        // The first thing the keyboard reaches (the skip link, on the site's pages) shows its focus.
        new Actions(d).sendKeys(Keys.TAB).perform();
        WebElement focused = d.switchTo().activeElement();
        if (focused.getTagName().equals("body")) {
            return; // nothing to reach (the widget is a table to read)
        }
        try {
            Accessibility.assertVisibleFocus(d, focused);
        } catch (AssertionError e) {
            found.add(what + " (" + path + "): " + e.getMessage());
        }
    }
}
