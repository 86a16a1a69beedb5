package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person on a phone-sized screen registers and takes a whole paper on the real page, in real Chromium. */
class ChatPageInBrowserTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("browser_chat", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void registerAndTakeAPaperOnThePage() throws Exception {
        WebDriver d = Browser.phone();
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
            d.get("http://127.0.0.1:" + app.port() + vn.contest.web.WebChannel.CHAT_PATH);
            wait.until(x -> log(x).contains("Chào mừng bạn đến với"));
            assertEquals("Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn", d.findElement(By.id("title")).getText());

            tap(d, wait, "Đồng ý", "họ và tên");
            type(d, wait, "Nguyễn Thị Hoa", "ngày sinh");
            type(d, wait, "15/08/1968", "số điện thoại");
            type(d, wait, "abc", "Số điện thoại chưa đúng");
            type(d, wait, "0912 777 888", "nhóm đối tượng");
            tap(d, wait, "Nhân dân", "đơn vị nào");
            type(d, wait, "21", "Phường Đức Xuân");
            tap(d, wait, "Phường Đức Xuân", "kiểm tra thông tin");
            assertTrue(log(d).contains("Phường Đức Xuân, Thành phố Bắc Kạn"), log(d));
            tap(d, wait, "Xác nhận", "Đăng ký thành công");

            tap(d, wait, "Bắt đầu thi", "Câu 1/10");
            wait.until(x -> x.findElement(By.id("timer")).getText().startsWith("Thời gian còn lại: 9 phút")
                    || x.findElement(By.id("timer")).getText().startsWith("Thời gian còn lại: 10 phút"));
            for (int i = 1; i <= 10; i++) {
                String next = i < 10 ? "Câu " + (i + 1) + "/10" : "Câu hỏi dự đoán";
                if (i % 3 == 0) {
                    type(d, wait, "b", next);
                } else {
                    List<WebElement> buttons = d.findElements(By.cssSelector("#choices button"));
                    assertTrue(buttons.size() >= 2, "answer buttons shown");
                    buttons.get(0).click();
                    wait.until(x -> log(x).contains(next));
                }
            }
            assertTrue(d.findElement(By.id("timer")).isDisplayed(), "the countdown stays during the prediction");
            type(d, wait, "12.000", "Số câu trả lời đúng");
            assertTrue(log(d).contains("Dự đoán: 12.000"), log(d));
            wait.until(x -> !x.findElement(By.id("timer")).isDisplayed());
            Path shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath();
            Path target = Path.of("target", "screenshots", "chat-page.png");
            Files.createDirectories(target.getParent());
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            long finished = app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM attempts WHERE status = 'finished' AND prediction = 12000").mapTo(Long.class).one());
            assertEquals(1, finished);
        } finally {
            d.quit();
        }
    }

    static String log(WebDriver d) {
        return d.findElement(By.id("log")).getText();
    }

    static void type(WebDriver d, WebDriverWait wait, String text, String expect) {
        int before = log(d).length();
        WebElement input = d.findElement(By.id("text"));
        input.sendKeys(text, Keys.ENTER);
        wait.until(x -> log(x).length() > before && log(x).substring(before).contains(expect));
    }

    static void tap(WebDriver d, WebDriverWait wait, String label, String expect) {
        int before = log(d).length();
        wait.until(x -> x.findElements(By.cssSelector("#choices button")).stream().anyMatch(b -> b.getText().contains(label) && b.isEnabled()));
        d.findElements(By.cssSelector("#choices button")).stream().filter(b -> b.getText().contains(label)).findFirst().orElseThrow().click();
        wait.until(x -> log(x).length() > before && log(x).substring(before).contains(expect));
    }
}
