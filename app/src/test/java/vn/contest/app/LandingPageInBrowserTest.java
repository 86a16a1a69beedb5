package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The landing page and the front page in real Chromium, on a phone (390x844) and a desktop screen: the countdown
 * counts, the three ways in show with their QR codes and carry the unit of the link the visitor came through, the
 * front page lists the open and the coming contest, and a chat link printed before lands in the chat.
 */
class LandingPageInBrowserTest {
    static PublicSiteApp site;

    @BeforeAll
    static void start() throws Exception {
        site = new PublicSiteApp("browser_landing");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void onAPhone() throws Exception {
        WebDriver d = Browser.sized(390, 844);
        try {
            landing(d, "phone");
            front(d, "phone");
        } finally {
            d.quit();
        }
    }

    @Test
    void onADesktop() throws Exception {
        WebDriver d = Browser.desktop();
        try {
            landing(d, "desktop");
            front(d, "desktop");
        } finally {
            d.quit();
        }
    }

    static void landing(WebDriver d, String screen) throws Exception {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
        d.get(site.base() + "/c/demo-bac-kan?don-vi=ba-be");
        assertEquals("Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn", d.findElement(By.tagName("h1")).getText());

        WebElement countdown = d.findElement(By.cssSelector("#countdown [data-until]"));
        assertTrue(d.findElement(By.id("countdown")).getText().startsWith("Tuần 1 kết thúc sau"), d.findElement(By.id("countdown")).getText());
        wait.until(x -> countdown.getText().contains("giây"));
        String before = countdown.getText();
        wait.until(x -> !countdown.getText().equals(before));

        List<WebElement> ways = d.findElements(By.cssSelector(".ways-list > li"));
        assertEquals(List.of("web", "zalo", "telegram"), ways.stream().map(w -> w.getAttribute("data-channel")).toList());
        ways.forEach(w -> assertTrue(w.isDisplayed(), w.getText()));
        assertEquals("Thi ngay trên web", ways.get(0).findElement(By.tagName("a")).getText());
        assertTrue(d.findElement(By.id("unit")).getText().contains("Huyện Ba Bể"), "the unit of the link");
        assertEquals("https://thi.example.gov.vn/thi?contest=demo-bac-kan&unit=ba-be", ways.get(0).findElement(By.tagName("a")).getAttribute("href"));
        assertEquals("https://t.me/" + PublicSiteApp.BOT + "?start=demo-bac-kan-ba-be", ways.get(2).findElement(By.tagName("a")).getAttribute("href"));
        assertEquals("https://zalo.me/" + PublicSiteApp.OA_ID, ways.get(1).findElement(By.tagName("a")).getAttribute("href"));
        assertTrue(ways.get(1).getText().contains("/start demo-bac-kan-ba-be"), "what to send Zalo for the unit");
        for (WebElement way : ways.subList(1, 3)) {
            WebElement qr = way.findElement(By.cssSelector("img.qr"));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()", qr);
            wait.until(x -> (Boolean) ((JavascriptExecutor) x).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
            assertTrue(!qr.getAttribute("alt").isBlank(), "a QR code says what it is");
        }
        assertTrue(d.findElement(By.tagName("body")).getText().contains("5. Đáp án được công bố sau khi mỗi tuần thi kết thúc."), "the rules");
        long overflow = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "nothing wider than the screen: " + overflow);

        screenshot(d, "landing-" + screen);
        Accessibility.assertNoSeriousViolations(d, "landing page, " + screen);
        // The keyboard: the first Tab reaches the skip link, which leads to the content.
        ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0); document.activeElement.blur()");
        d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Bỏ qua, đến nội dung chính", d.switchTo().activeElement().getText());

        // A unit code the contest does not have: the page without a unit.
        d.get(site.base() + "/c/demo-bac-kan?don-vi=khong-co");
        assertTrue(d.findElements(By.id("unit")).isEmpty());
        assertEquals("https://thi.example.gov.vn/thi?contest=demo-bac-kan",
                d.findElement(By.cssSelector(".way-web a")).getAttribute("href"));
    }

    static void front(WebDriver d, String screen) throws Exception {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
        d.get(site.base() + "/");
        WebElement open = d.findElement(By.id("list-dang-dien-ra"));
        WebElement coming = d.findElement(By.id("list-sap-dien-ra"));
        assertEquals(List.of("Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn"),
                open.findElements(By.cssSelector("li > a")).stream().map(WebElement::getText).toList());
        assertEquals(List.of("Tìm hiểu pháp luật 2026"), coming.findElements(By.cssSelector("li > a")).stream().map(WebElement::getText).toList());
        screenshot(d, "front-" + screen);
        Accessibility.assertNoSeriousViolations(d, "front page, " + screen);
        coming.findElement(By.linkText("Tìm hiểu pháp luật 2026")).click();
        wait.until(x -> x.getCurrentUrl().endsWith("/c/" + PublicSiteApp.COMING));
        assertTrue(d.findElement(By.id("countdown")).getText().startsWith("Vòng 1 bắt đầu sau"), d.findElement(By.id("countdown")).getText());

        // A chat link printed on a poster before the chat had its own page.
        d.get(site.base() + "/?contest=demo-bac-kan&unit=ba-be");
        wait.until(x -> x.getCurrentUrl().endsWith("/thi?contest=demo-bac-kan&unit=ba-be"));
        wait.until(x -> ChatPageInBrowserTest.log(x).contains("Chào mừng bạn đến với"));
        assertEquals("Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn", d.findElement(By.id("title")).getText());
    }

    static void screenshot(WebDriver d, String name) throws Exception {
        Path shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
