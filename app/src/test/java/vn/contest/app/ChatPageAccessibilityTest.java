package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.contest.app.ChatPageInBrowserTest.log;
import static vn.contest.app.ChatPageInBrowserTest.tap;
import static vn.contest.app.ChatPageInBrowserTest.type;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.contest.web.WebChannel;

/**
 * The chat page for someone who cannot see it or use a mouse, on a phone and a desktop screen: axe-core finds no
 * serious violation while registering and during a paper; each answer button is named by its option's words (not
 * just "B"); new messages arrive in a polite live log; the input and the send button have names; a paper can be
 * answered with the keyboard alone, the focus staying on the answers and always visible.
 */
class ChatPageAccessibilityTest {
    private static final Pattern QUESTION_HEAD = Pattern.compile("Câu \\d+/\\d+");
    private static final Pattern OPTION = Pattern.compile("(?m)^([A-H])\\. (.+)$");
    static App app;
    // The server's clock runs 9 minutes behind, so a 10-minute paper the browser counts down has about one left.
    static App late;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("a11y_chat", Clock.systemUTC());
        late = TestApps.onSharedServer("a11y_chat_late", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-9)));
    }

    @AfterAll
    static void stop() {
        app.close();
        late.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390, 844, 0912 777 801", "1280, 900, 0912 777 802"})
    void theChatPageIsUsableWithAScreenReaderAndAKeyboard(int width, int height, String phone) throws Exception {
        WebDriver d = Browser.sized(width, height);
        String size = width + "x" + height;
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
            d.get("http://127.0.0.1:" + app.port() + WebChannel.CHAT_PATH);
            wait.until(x -> log(x).contains("Chào mừng bạn đến với") && !x.findElements(By.cssSelector("#choices button")).isEmpty());
            assertEquals((long) width, ((JavascriptExecutor) d).executeScript("return window.innerWidth;"), "the screen's width");
            assertEquals("vi", d.findElement(By.tagName("html")).getAttribute("lang"));
            Accessibility.assertNoSeriousViolations(d, "chat page, consent, " + size);

            // What a screen reader hears: the messages in a polite log, a named input and send button.
            WebElement logBox = d.findElement(By.id("log"));
            assertEquals("log", logBox.getAriaRole());
            assertEquals("polite", logBox.getAttribute("aria-live"));
            assertFalse(d.findElement(By.id("text")).getAccessibleName().isBlank(), "the input has a name");
            assertEquals("Gửi", d.findElement(By.id("send")).getAccessibleName());

            tap(d, wait, "Đồng ý", "họ và tên");
            Accessibility.assertNoSeriousViolations(d, "chat page, asked for a name, " + size);
            type(d, wait, "Nguyễn Thị Hoa", "ngày sinh");
            type(d, wait, "15/08/1968", "số điện thoại");
            type(d, wait, phone, "nhóm đối tượng");
            Accessibility.assertNoSeriousViolations(d, "chat page, group buttons, " + size);
            tap(d, wait, "Nhân dân", "đơn vị nào");
            type(d, wait, "21", "Phường Đức Xuân");
            tap(d, wait, "Phường Đức Xuân", "kiểm tra thông tin");
            tap(d, wait, "Xác nhận", "Đăng ký thành công");
            tap(d, wait, "Bắt đầu thi", "Câu 1/10");
            wait.until(x -> x.findElement(By.id("timer")).isDisplayed());
            Accessibility.assertNoSeriousViolations(d, "chat page, answer buttons of question 1, " + size);
            assertAnswerButtonsNamedByTheirOptions(d);

            // The keyboard alone: Tab reaches an answer, Enter answers it, and the focus lands on the next
            // question's answers (not lost to the page's top); the focused button shows a clear outline.
            WebDriverWait focusOnAnswers = new WebDriverWait(d, Duration.ofSeconds(5));
            focusOnAnswers.withMessage("the keyboard focus is on the next question's answers");
            WebElement first = tabTo(d, "#choices button");
            Accessibility.assertVisibleFocus(d, first);
            new Actions(d).sendKeys(Keys.ENTER).perform();
            wait.until(x -> log(x).contains("Câu 2/10") && answersEnabled(x));
            focusOnAnswers.until(x -> focusedIsAnAnswer(x));
            Accessibility.assertVisibleFocus(d, d.switchTo().activeElement());
            assertAnswerButtonsNamedByTheirOptions(d);
            new Actions(d).sendKeys(Keys.SPACE).perform();
            wait.until(x -> log(x).contains("Câu 3/10") && answersEnabled(x));
            focusOnAnswers.until(x -> focusedIsAnAnswer(x));
            // The message field and its send button are reached with Tab as well, and show their focus.
            Accessibility.assertVisibleFocus(d, tabTo(d, "#text"));
            Accessibility.assertVisibleFocus(d, tabTo(d, "#send"));
            Accessibility.assertNoSeriousViolations(d, "chat page, question 3, " + size);
        } finally {
            d.quit();
        }
    }

    @Test
    void aScreenReaderHearsTheLastMinuteOnceNotEverySecond() throws Exception {
        WebDriver d = Browser.sized(390, 844);
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
            d.get("http://127.0.0.1:" + late.port() + WebChannel.CHAT_PATH);
            register(d, wait, "0912 777 803");
            tap(d, wait, "Bắt đầu thi", "Câu 1/10");
            WebElement timer = d.findElement(By.id("timer"));
            wait.until(x -> timer.getText().startsWith("Thời gian còn lại: 1 phút") || timer.getText().startsWith("Thời gian còn lại: 0 phút"));
            assertEquals("timer", timer.getAriaRole());
            assertEquals(null, timer.getAttribute("aria-live"), "the ticking countdown is not read out every second");
            WebElement announce = d.findElement(By.id("announce"));
            assertEquals("polite", announce.getAttribute("aria-live"));
            new WebDriverWait(d, Duration.ofSeconds(75)).until(x -> announce.getAttribute("textContent").equals("Còn 1 phút làm bài"));
            // Said once: the countdown ticks on, the announcement stays as it is until the time is over.
            var js = (JavascriptExecutor) d;
            js.executeScript("window.announced = 0; new MutationObserver(function () { window.announced++; })"
                    + ".observe(document.getElementById('announce'), { childList: true, characterData: true, subtree: true });");
            String before = timer.getText();
            wait.until(x -> !timer.getText().equals(before));
            Thread.sleep(2100);
            assertEquals(0L, js.executeScript("return window.announced;"));
        } finally {
            d.quit();
        }
    }

    /** Registers on the open chat page (consent, name, birth date, {@code phone}, group, unit, confirmed). */
    static void register(WebDriver d, WebDriverWait wait, String phone) {
        wait.until(x -> log(x).contains("Chào mừng bạn đến với"));
        tap(d, wait, "Đồng ý", "họ và tên");
        type(d, wait, "Nguyễn Thị Hoa", "ngày sinh");
        type(d, wait, "15/08/1968", "số điện thoại");
        type(d, wait, phone, "nhóm đối tượng");
        tap(d, wait, "Nhân dân", "đơn vị nào");
        type(d, wait, "21", "Phường Đức Xuân");
        tap(d, wait, "Phường Đức Xuân", "kiểm tra thông tin");
        tap(d, wait, "Xác nhận", "Đăng ký thành công");
    }

    /** Each answer button's accessible name is "Phương án X: <the option's words>", as the question lists them. */
    private static void assertAnswerButtonsNamedByTheirOptions(WebDriver d) {
        String text = log(d);
        Matcher head = QUESTION_HEAD.matcher(text);
        int at = -1;
        while (head.find()) {
            at = head.start();
        }
        assertTrue(at >= 0, "a question is shown: " + text);
        String question = text.substring(at);
        Matcher m = OPTION.matcher(question);
        List<WebElement> buttons = d.findElements(By.cssSelector("#choices button"));
        assertTrue(buttons.size() >= 2, "answer buttons shown");
        for (WebElement b : buttons) {
            assertTrue(m.find(), "the question lists an option for button " + b.getText() + ": " + question);
            assertEquals(m.group(1), b.getText(), "the button's visible label is the option's letter");
            assertEquals("Phương án " + m.group(1) + ": " + m.group(2).trim(), b.getAccessibleName());
        }
    }

    private static WebElement tabTo(WebDriver d, String css) {
        for (int i = 0; i < 12; i++) {
            new Actions(d).sendKeys(Keys.TAB).perform();
            WebElement active = d.switchTo().activeElement();
            if (Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return arguments[0].matches(arguments[1]);", active, css))) {
                return active;
            }
        }
        throw new AssertionError("Tab never reaches " + css);
    }

    private static boolean answersEnabled(WebDriver d) {
        List<WebElement> buttons = d.findElements(By.cssSelector("#choices button"));
        return !buttons.isEmpty() && buttons.stream().allMatch(WebElement::isEnabled);
    }

    private static boolean focusedIsAnAnswer(WebDriver d) {
        return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.activeElement && document.activeElement.matches('#choices button');"));
    }
}
