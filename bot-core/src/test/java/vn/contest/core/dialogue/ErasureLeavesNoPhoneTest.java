package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestEngine;
import vn.contest.core.testing.WebChatDriver;
import vn.contest.core.verify.CodeSender;

/**
 * "Xóa dữ liệu của tôi" leaves no readable phone behind, even among the one-time codes kept a day to count the
 * hourly caps: they hold the number only as a keyed hash, which still counts.
 */
class ErasureLeavesNoPhoneTest {
    static TestEngine engine;
    static final List<String> codes = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
        CodeSender zns = (phone, code) -> codes.add(code);
        engine.dialogue.verifyWebPhonesWith(zns);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    /** Every row of the one-time codes, as text: whatever column a number might sit in. */
    static String codeRows() {
        List<String> rows = engine.db.jdbi().withHandle(h -> h.createQuery("SELECT p::text FROM phone_codes p").mapTo(String.class).list());
        return String.join("\n", rows);
    }

    @Test
    void afterAnErasureTheCodesHoldNoPhoneButStillCountItsSends() {
        WebChatDriver c = new WebChatDriver(engine, "198.51.100.30").upToThePhone("Lò Văn Xóa", "0913600777");
        c.send(codes.get(codes.size() - 1));
        c.send("2");
        c.send("1");
        c.tap("Xác nhận");
        assertTrue(c.text().contains("Đăng ký thành công"), c.text());
        c.send("xóa dữ liệu của tôi");
        c.tap("Xác nhận xóa");
        assertTrue(c.text().contains("Đã xóa dữ liệu cá nhân"), c.text());

        assertEquals(1L, (long) engine.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM phone_codes").mapTo(Long.class).one()),
                "the send is still counted");
        String rows = codeRows();
        assertFalse(rows.contains("913600777"), "no trace of the number: " + rows);

        // The number's hourly cap still counts the send made before the erasure: two more, then the refusal.
        WebChatDriver again = new WebChatDriver(engine, "198.51.100.31").upToThePhone("Lò Văn Xóa", "0913600777");
        again.tap("Gửi lại mã");
        again.tap("Gửi lại mã");
        assertTrue(again.text().contains("Số điện thoại này đã được gửi 3 mã"), again.text());
    }
}
