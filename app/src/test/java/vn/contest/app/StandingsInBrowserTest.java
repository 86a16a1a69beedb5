package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The standings in headless Chromium: readable on a phone and a desktop screen (no sideways scrolling of the page,
 * the tables captioned, a district's communes one tap away, no serious axe-core violation); and framed by a portal
 * on another origin, where the widget shows and the full page is refused.
 */
class StandingsInBrowserTest {
    static final String CODE = "demo-bac-kan";
    static App app;
    /** A province portal on another origin, embedding the widget and (wrongly) the full page. */
    static Javalin portal;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("standings_browser", Clock.systemUTC());
        String site = "http://127.0.0.1:" + app.port();
        portal = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/", ctx -> ctx.html("<!doctype html><html lang=\"vi\"><head><title>Cổng thông tin</title></head><body>"
                    + "<iframe id=\"widget\" title=\"Bảng xếp hạng\" src=\"" + site + "/c/" + CODE + "/thong-ke/nhung\" width=\"600\" height=\"500\"></iframe>"
                    + "<iframe id=\"page\" title=\"Thống kê\" src=\"" + site + "/c/" + CODE + "/thong-ke\" width=\"600\" height=\"500\"></iframe>"
                    + "</body></html>"));
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        portal.stop();
        app.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390, 844", "1280, 900"})
    void theStandingsReadWellOnAPhoneAndADesktop(int width, int height) throws Exception {
        WebDriver d = Browser.sized(width, height);
        String size = width + "x" + height;
        try {
            d.get("http://127.0.0.1:" + app.port() + "/c/" + CODE + "/thong-ke");
            assertEquals("vi", d.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("Thống kê tham gia", d.findElement(By.tagName("h1")).getText());
            List<WebElement> captions = d.findElements(By.tagName("caption"));
            assertTrue(captions.get(0).isDisplayed());
            assertTrue(captions.get(0).getText().startsWith("Xếp hạng đơn vị theo tỷ lệ tham gia"), captions.get(0).getText());
            WebElement first = d.findElement(By.cssSelector(".st-table tbody tr th[scope=row]"));
            assertTrue(first.isDisplayed() && first.getRect().getWidth() > 60, "a unit's name is readable: " + first.getRect());
            long scrollWidth = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth");
            long innerWidth = (Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth");
            assertTrue(scrollWidth <= innerWidth, "the page does not scroll sideways on " + size + ": " + scrollWidth + " > " + innerWidth);

            // A district's communes: folded away, opened by the keyboard.
            WebElement city = d.findElement(By.xpath("//details[summary[contains(., 'Thành phố Bắc Kạn')]]"));
            WebElement ward = city.findElement(By.xpath(".//th[@scope='row'][contains(., 'Phường Đức Xuân')]"));
            assertFalse(ward.isDisplayed());
            city.findElement(By.tagName("summary")).sendKeys(org.openqa.selenium.Keys.ENTER);
            new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> ward.isDisplayed());
            Accessibility.assertNoSeriousViolations(d, "standings, " + size);

            d.get("http://127.0.0.1:" + app.port() + "/c/" + CODE + "/thong-ke/nhung");
            assertTrue(d.findElement(By.tagName("caption")).isDisplayed());
            Accessibility.assertNoSeriousViolations(d, "standings widget, " + size);
        } finally {
            d.quit();
        }
    }

    @Test
    void aPortalMayFrameTheWidgetButNotTheFullPage() throws Exception {
        WebDriver d = Browser.desktop();
        try {
            d.get("http://localhost:" + portal.port() + "/");
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
            d.switchTo().frame("widget");
            wait.until(x -> !x.findElements(By.tagName("caption")).isEmpty());
            assertTrue(d.findElement(By.tagName("caption")).getText().contains("xếp hạng đơn vị"));
            d.switchTo().defaultContent();
            d.switchTo().frame("page");
            Thread.sleep(500);
            assertTrue(d.findElements(By.tagName("caption")).isEmpty(), "the full page refuses to be framed");
            assertFalse(d.getPageSource().contains("Thống kê tham gia"), d.getPageSource());
        } finally {
            d.quit();
        }
    }
}
