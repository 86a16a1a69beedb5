package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestEngine;
import vn.contest.core.testing.WebChatDriver;
import vn.contest.core.verify.CodeBudget;
import vn.contest.core.verify.CodeSender;
import vn.contest.core.verify.PhoneCodes;

/**
 * One-time codes are paid messages: the drain the probe found (8 web chats from one address, 6 numbers each,
 * 40 sends in 44 s) is held to the budget per client network and per day, and each refusal names the limit that
 * was reached. An office of 30 behind one address is told to wait a few minutes or skip, and can.
 */
class ZnsBudgetTest {
    TestEngine engine;
    /** What the ZNS stand-in was asked to send: the numbers, in order. */
    final List<String> sent = new ArrayList<>();

    void start(CodeBudget budget) {
        engine = TestEngine.start();
        engine.dialogue.verifyWebPhonesWith(new CodeSender() {
            @Override
            public boolean send(String phone, String code) {
                sent.add(phone);
                return true;
            }

            @Override
            public CodeBudget budget() {
                return budget;
            }
        });
    }

    @BeforeEach
    void defaults() {
        start(CodeBudget.DEFAULT);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    WebChatDriver chatFrom(String address) {
        return new WebChatDriver(engine, address);
    }

    @Test
    void theSixthNumberOfOneChatIsRefusedForTheChatNotForTheNumber() {
        WebChatDriver c = chatFrom("198.51.100.20").upToThePhone("Ông Đổi Số", "0915000001");
        for (int i = 2; i <= 6; i++) {
            c.tap("Đổi số").send("091500000" + i);
        }
        assertEquals(PhoneCodes.MAX_SENDS_PER_CHAT_PER_HOUR, sent.size(), "five codes, whatever the numbers: " + sent);
        assertTrue(c.text().contains("Cuộc trò chuyện này đã yêu cầu 5 mã"), c.text());
        assertFalse(c.text().contains("Số điện thoại này đã được gửi"), "the sixth number had no code at all: " + c.text());
    }

    @Test
    void aNumberPastItsHourlyCodesIsRefusedForTheNumber() {
        WebChatDriver c = chatFrom("198.51.100.21").upToThePhone("Bà Gửi Lại", "0915000101");
        c.tap("Gửi lại mã").tap("Gửi lại mã").tap("Gửi lại mã");
        assertEquals(3, sent.size());
        assertTrue(c.text().contains("Số điện thoại này đã được gửi 3 mã trong một giờ qua"), c.text());
    }

    @Test
    void eightChatsFromOneAddressGetTenCodesNotForty() {
        for (int chat = 0; chat < 8; chat++) {
            WebChatDriver c = chatFrom("203.0.113.50").upToThePhone("Người Thử Số", "09160" + chat + "0001");
            for (int n = 2; n <= 6; n++) {
                c.tap("Đổi số").send("09160" + chat + "000" + n);
            }
        }
        assertEquals(10, sent.size(), "ZNS_PER_ADDRESS: 10 in 10 minutes from one address: " + sent);
    }

    @Test
    void anOfficeOfThirtyBehindOneAddressIsToldToWaitAFewMinutesOrSkipAndCan() {
        List<WebChatDriver> office = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            office.add(chatFrom("203.0.113.7").upToThePhone("Cán Bộ Văn Phòng", String.format("09170%05d", i)));
            engine.clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(10, sent.size(), "the first ten got their codes");
        WebChatDriver eleventh = office.get(10);
        assertTrue(eleventh.text().contains("Nhiều người cùng mạng Internet với bạn") && eleventh.text().contains("tối đa 10 mã trong 10 phút")
                && eleventh.text().contains("chờ khoảng 9 phút") && eleventh.text().contains("Bỏ qua"), eleventh.text());

        // Skipping goes on at once, unverified.
        eleventh.tap("Bỏ qua");
        assertTrue(eleventh.text().contains("Bước 4/5"), eleventh.text());

        // Another network is not held up by the office.
        chatFrom("198.51.100.99").upToThePhone("Người Ở Nhà", "0918000001");
        assertEquals(11, sent.size());

        // Ten minutes after the office's first code, "Gửi lại mã" gets one.
        engine.clock.advance(Duration.ofMinutes(10));
        WebChatDriver twelfth = office.get(11);
        twelfth.tap("Gửi lại mã");
        assertEquals(12, sent.size(), twelfth.text());
        assertTrue(twelfth.text().contains("6 chữ số"), "asked for the code: " + twelfth.text());

        // An IPv6 office is one /64, whatever address each computer picks in it.
        for (int i = 0; i < 11; i++) {
            chatFrom("2001:db8:7:1::" + Integer.toHexString(i + 1)).upToThePhone("Máy Trong Mạng", String.format("09190%05d", i));
        }
        assertEquals(22, sent.size(), "ten from the /64, the eleventh refused");
    }

    @Test
    void theOasDailyBudgetStopsCodesPolitelyAndTheWarningComesFirst() {
        engine.close();
        CodeBudget budget = new CodeBudget(10, Duration.ofMinutes(10), 5);
        start(budget);
        for (int i = 0; i < 5; i++) {
            chatFrom("198.51.100." + (i + 1)).upToThePhone("Người Đăng Ký", String.format("09200%05d", i));
            long today = engine.db.jdbi().withHandle(h -> PhoneCodes.sentToday(h, engine.clock.instant()));
            assertEquals(i + 1, today);
            assertEquals(i + 1 < 4 ? CodeBudget.Level.OK : i + 1 < 5 ? CodeBudget.Level.LOW : CodeBudget.Level.SPENT, budget.level(today),
                    "warned from 80% of the day's budget");
        }
        WebChatDriver late = chatFrom("198.51.100.200").upToThePhone("Người Đến Muộn", "0920099999");
        assertEquals(5, sent.size(), "nothing past the day's budget");
        assertTrue(late.text().contains("Hôm nay hệ thống đã gửi hết số mã xác minh") && late.text().contains("Bỏ qua"), late.text());
        late.tap("Bỏ qua");
        assertTrue(late.text().contains("Bước 4/5"), "registers unverified: " + late.text());

        // The next day (Vietnam's) the budget is whole again.
        engine.clock.advance(Duration.ofDays(1));
        chatFrom("198.51.100.201").upToThePhone("Người Hôm Sau", "0920088888");
        assertEquals(6, sent.size());
    }
}
