package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.contest.app.ChatPageInBrowserTest.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.contest.web.WebChannel;

/**
 * The README's screenshots, phone-sized (390x844): the sample contest with a few people having taken part and its
 * winners published, then the front page, the landing page, the standings, the winners and the chat page during
 * a paper. Not part of the test suite (its name is not a test's, and it runs only when asked):
 * <pre>
 * mvn -pl app test -Dtest=ReadmeScreenshots -Dreadme.screenshots=../docs/screenshots
 * </pre>
 */
@EnabledIfSystemProperty(named = "readme.screenshots", matches = ".+")
class ReadmeScreenshots {
    private static final long MAX_BYTES = 150 * 1024;

    @Test
    void capture() throws Exception {
        Path dir = Path.of(System.getProperty("readme.screenshots"));
        Files.createDirectories(dir);
        App app = TestApps.onSharedServer("readme_screenshots_" + System.currentTimeMillis() % 1_000_000, Clock.systemUTC());
        try {
            PublishedWinnersTest.play(app, List.of(new String[] {"Hà Thị Lan", "17/03/1991", "0912345601", "1", "24"},
                    new String[] {"Lục Văn Minh", "03/11/1988", "0987654302", "2", "22"},
                    new String[] {"Nông Thị Mai", "25/12/1979", "0356789003", "1", "22"},
                    new String[] {"Hoàng Văn Nam", "08/08/1995", "0912345604", "2", "23"},
                    new String[] {"Triệu Thị Hoa", "14/02/2001", "0912345605", "1", "23"}));
            AdminClient admin = new AdminClient(app.port());
            assertEquals(303, admin.login("admin", TestApps.ADMIN_PASSWORD).statusCode());
            assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
            assertEquals(303, admin.post("/admin/results/publish",
                    Map.of("snapshot", String.valueOf(PublishedWinnersTest.latestSnapshot(app)))).statusCode());

            String base = "http://127.0.0.1:" + app.port();
            WebDriver d = Browser.sized(390, 844);
            try {
                page(d, base + "/", dir.resolve("front-page.png"));
                page(d, base + "/c/demo-bac-kan", dir.resolve("landing-page.png"));
                page(d, base + "/c/demo-bac-kan/thong-ke", dir.resolve("standings-page.png"));
                page(d, base + "/c/demo-bac-kan/giai-thuong", dir.resolve("winners-page.png"));
                assertTrue(d.findElement(By.tagName("main")).getText().contains("09******01"), "the winners are published");

                WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
                d.get(base + WebChannel.CHAT_PATH);
                ChatPageAccessibilityTest.register(d, wait, "0912 345 606");
                ChatPageInBrowserTest.tap(d, wait, "Bắt đầu thi", "Câu 1/10");
                d.findElements(By.cssSelector("#choices button")).get(1).click();
                wait.until(x -> log(x).contains("Câu 2/10") && x.findElements(By.cssSelector("#choices button:enabled")).size() > 1);
                save(d, dir.resolve("chat-page.png"));
            } finally {
                d.quit();
            }
        } finally {
            app.close();
        }
    }

    private static void page(WebDriver d, String url, Path file) throws Exception {
        d.get(url);
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> !x.findElements(By.tagName("main")).isEmpty());
        save(d, file);
    }

    /** The visible screen, as a phone shows it on opening, kept small enough for the repository. */
    private static void save(WebDriver d, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(file) <= MAX_BYTES, file + " is " + Files.size(file) / 1024 + " KB");
    }
}
