package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A secretary's afternoon in real Chromium: log in, import a bank with a bad row and see where, fix it and
 * import, read the leaderboard, confirm the prizes, and download the winners' list, read back with POI.
 */
class AdminInBrowserTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("admin_browser", Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            WebClient person = new WebClient(app.port());
            person.register("Người Thi Số " + "ABC".charAt(i), "01/01/199" + i, "091300000" + i, 1 + i % 2, String.valueOf(22 + i));
            person.tap(person.token("Bắt đầu thi"));
            for (int q = 0; q < 10; q++) {
                JsonNode question = person.lastQuestion();
                person.tap(question.get("choices").get(q % question.get("choices").size()).get("token").asText());
            }
            person.send(String.valueOf(100 * (i + 1)));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void importFixAndImportReadTheLeaderboardConfirmAndDownload() throws Exception {
        WebDriver d = Browser.desktop();
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
            String base = "http://127.0.0.1:" + app.port();
            d.get(base + "/admin");
            wait.until(x -> x.getCurrentUrl().endsWith("/admin/login"));
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(TestApps.ADMIN_PASSWORD);
            d.findElement(By.id("login")).click();
            wait.until(x -> x.findElements(By.id("registered")).size() == 1);
            assertEquals("3", d.findElement(By.id("registered")).getText());
            shot(d, "admin-dashboard.png");

            Path bad = Files.createTempFile("bank", ".csv");
            Files.writeString(bad, "Chủ đề,Câu hỏi,A,B,C,Đáp án,Giải thích\n"
                    + "an-toan,Câu mới: nên cập nhật phần mềm thế nào?,Thường xuyên,Không bao giờ,,A,Khuyến nghị\n"
                    + "an-toan,Câu mới: mã OTP là gì?,Mật khẩu dùng một lần,Tên đăng nhập,,C,Khuyến nghị\n");
            d.get(base + "/admin/questions");
            d.findElement(By.id("file")).sendKeys(bad.toString());
            d.findElement(By.id("import")).click();
            wait.until(x -> x.findElements(By.id("problems")).size() == 1);
            String problems = d.findElement(By.id("problems")).getText();
            assertTrue(problems.contains("3") && problems.contains("Đáp án") && problems.contains("phương án trống"), problems);
            Files.writeString(bad, Files.readString(bad).replace(",,C,Khuyến nghị", ",,A,Khuyến nghị"));
            d.findElement(By.id("file")).sendKeys(bad.toString());
            d.findElement(By.id("import")).click();
            wait.until(x -> x.findElements(By.id("notice")).size() == 1);
            assertTrue(d.findElement(By.id("notice")).getText().contains("Đã nhập 2 câu hỏi"), d.findElement(By.id("notice")).getText());

            d.get(base + "/admin/results");
            String boards = d.findElement(By.tagName("main")).getText();
            assertTrue(boards.contains("Người Thi Số A") && boards.contains("Người Thi Số B") && boards.contains("Người Thi Số C"), boards);
            assertTrue(boards.contains("Chênh lệch") && boards.contains("Thời gian") && boards.contains("Nộp bài lúc"), "every part of the key shown");
            d.findElement(By.id("confirm")).click();
            wait.until(x -> x.findElements(By.id("confirmed")).size() == 1);
            String confirmed = d.findElement(By.id("confirmed")).getText();
            assertTrue(confirmed.contains("bởi admin") && confirmed.contains("Giải Nhất"), confirmed);
            assertTrue(confirmed.contains("0913000000") || confirmed.contains("0913000001"), "contact data for verification");

            Cookie session = d.manage().getCookieNamed("admin_session");
            HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/admin/results/winners.xlsx"))
                    .header("Cookie", "admin_session=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, xlsx.statusCode());
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = wb.getSheetAt(0);
                DataFormatter f = new DataFormatter();
                assertEquals("Họ và tên", f.formatCellValue(sheet.getRow(0).getCell(5)));
                assertEquals("Số điện thoại", f.formatCellValue(sheet.getRow(0).getCell(7)));
                assertTrue(sheet.getLastRowNum() >= 3, "three individual prizes and the collective ones");
                assertEquals("Giải Nhất", f.formatCellValue(sheet.getRow(1).getCell(3)));
                assertTrue(f.formatCellValue(sheet.getRow(1).getCell(7)).startsWith("0913"), "the winner's phone");
            }

            // The whole ranking, streamed: a sheet per round and group, everyone in rank order.
            HttpResponse<byte[]> ranking = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/admin/results/ranking.xlsx"))
                    .header("Cookie", "admin_session=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, ranking.statusCode());
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ranking.body()))) {
                DataFormatter f = new DataFormatter();
                List<String> names = new java.util.ArrayList<>();
                for (Sheet sheet : wb) {
                    assertEquals("Hạng", f.formatCellValue(sheet.getRow(0).getCell(0)));
                    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                        assertEquals(String.valueOf(r), f.formatCellValue(sheet.getRow(r).getCell(0)), sheet.getSheetName() + " row " + r);
                        names.add(f.formatCellValue(sheet.getRow(r).getCell(1)));
                    }
                }
                assertTrue(names.containsAll(List.of("Người Thi Số A", "Người Thi Số B", "Người Thi Số C")), names.toString());
            }
        } finally {
            d.quit();
        }
    }

    static void shot(WebDriver d, String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
