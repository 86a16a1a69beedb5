package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The published winners in real Chromium, on a phone (390x844) and a desktop screen: every winner's name with the
 * phone masked, readable without scrolling sideways on the phone, and no full phone, birth date or ID number.
 */
class WinnersInBrowserTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("winners_browser", Clock.systemUTC());
        PublishedWinnersTest.play(app, List.of(new String[] {"Ma Thị Điện Thoại", "05/06/1992", "0961234567", "1", "22"},
                new String[] {"Hoàng Văn Máy Tính", "21/10/1984", "0339876512", "2", "23"}));
        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
        assertEquals(303, admin.post("/admin/results/publish", Map.of("snapshot",
                String.valueOf(PublishedWinnersTest.latestSnapshot(app)))).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void onAPhone() throws Exception {
        WebDriver d = Browser.sized(390, 844);
        try {
            // Headless Chromium keeps a window at least 500 pixels wide: the phone's viewport is emulated exactly.
            ((org.openqa.selenium.chrome.ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            winners(d, "winners-phone.png");
            assertEquals(390L, ((JavascriptExecutor) d).executeScript("return screen.width;"), "a phone-sized screen");
            // Chromium widens a phone's layout to fit content that overflows: measured against the screen itself.
            long overflow = (Long) ((JavascriptExecutor) d).executeScript(
                    "return Math.max(document.documentElement.scrollWidth, window.innerWidth) - screen.width;");
            assertTrue(overflow <= 0, "the page scrolls sideways by " + overflow + "px on a phone");
            WebElement phone = d.findElement(By.cssSelector("td.phone"));
            assertTrue(phone.getRect().getWidth() < 390, "a prize card fits the screen");
            assertEquals("grid", phone.getCssValue("display"), "on a phone each prize is a card, each value beside its label");
            assertEquals("\"Điện thoại\"", ((JavascriptExecutor) d).executeScript(
                    "return getComputedStyle(arguments[0], '::before').content;", phone), "the card labels the masked phone");
        } finally {
            d.quit();
        }
    }

    @Test
    void onADesktop() throws Exception {
        WebDriver d = Browser.desktop();
        try {
            winners(d, "winners-desktop.png");
            List<String> headings = d.findElement(By.cssSelector("table.winners")).findElements(By.cssSelector("thead th")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("Giải", "Họ và tên", "Đơn vị", "Nhóm", "Kết quả", "Thời gian", "Điện thoại"), headings);
            assertEquals("table-cell", d.findElement(By.cssSelector("td.phone")).getCssValue("display"), "a table on a wide screen");
        } finally {
            d.quit();
        }
    }

    /** Opens the winners page, checks what a visitor reads on it, and keeps a screenshot; returns the visible text. */
    static String winners(WebDriver d, String screenshot) throws Exception {
        d.get("http://127.0.0.1:" + app.port() + "/c/demo-bac-kan/giai-thuong");
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> x.findElements(By.cssSelector("table.winners")).size() > 0);
        String seen = d.findElement(By.tagName("main")).getText();
        assertTrue(seen.contains("Ma Thị Điện Thoại") && seen.contains("09******67"), seen);
        assertTrue(seen.contains("Hoàng Văn Máy Tính") && seen.contains("03******12"), seen);
        assertTrue(seen.contains("Giải Nhất") && seen.contains("Giải tập thể"), seen);
        String source = d.getPageSource();
        PublishedWinnersTest.assertNothingPersonal(source, PublishedWinnersTest.people(app));
        AdminInBrowserTest.shot(d, screenshot);
        return seen;
    }
}
