package vn.contest.core.dialogue;

import vn.contest.core.message.Inbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Contest;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;

class RegistrationTest {
    static TestEngine engine;
    static Database db;
    static Contest contest;
    static Dialogue dialogue;
    static OutboxStore outbox;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
        db = engine.db;
        contest = engine.contest;
        dialogue = engine.dialogue;
        outbox = engine.outbox;
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    ChatDriver chat(String id) {
        return new ChatDriver(dialogue, outbox, id);
    }

    @Test
    void aNewcomerIsWelcomedAndAskedForConsentWhateverTheyWrite() {
        ChatDriver c = chat("newcomer");
        c.send("B");
        assertTrue(c.text().contains("Chào mừng bạn đến với Cuộc thi thử nghiệm"), c.text());
        assertTrue(c.text().contains("Nghị định số 13/2023/NĐ-CP"), c.text());
        assertTrue(c.text().contains("Tôi sinh sống, làm việc hoặc học tập trong tỉnh."), c.text());
        c.send("hmm");
        assertTrue(c.text().contains("Vui lòng chọn \"Đồng ý\""), c.text());
        c.send("Không đồng ý");
        assertTrue(c.text().contains("Thông tin của bạn không được lưu lại"), c.text());
        c.send("Đồng ý!");
        assertTrue(c.text().contains("họ và tên"), c.text());
    }

    @Test
    void registersWithTypedAnswersAndTolerantFormats() {
        ChatDriver c = chat("typist");
        c.send("chào");
        c.send("dong y");
        c.send("A");
        assertTrue(c.text().contains("Họ và tên chỉ gồm chữ cái"), c.text());
        c.send("trần thị bình");
        c.send("31/02/1990");
        assertTrue(c.text().contains("Ngày sinh này không hợp lệ"), c.text());
        c.send("hôm qua");
        assertTrue(c.text().contains("ngày/tháng/năm"), c.text());
        c.send("5-9-1961");
        c.send("12345");
        assertTrue(c.text().contains("Số điện thoại chưa đúng"), c.text());
        c.send("+84 912 000 111");
        c.send("nhân dân");
        c.send("Huyện A");
        assertTrue(c.text().contains("Xã An Bình"), "a district with communes lists them: " + c.text());
        c.send("Đồng Tâm");
        assertTrue(c.text().contains("Trần Thị Bình"), c.text());
        assertTrue(c.text().contains("05/09/1961"), c.text());
        assertTrue(c.text().contains("0912000111"), c.text());
        assertTrue(c.text().contains("Xã Đồng Tâm, Huyện A"), c.text());
        c.send("xác nhận");
        assertTrue(c.text().contains("Đăng ký thành công"), c.text());
        Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT p.full_name, p.birth_date, p.phone, p.group_no, u.code FROM participants p JOIN units u ON u.id = p.unit_id WHERE p.phone = '0912000111'")
                .mapToMap().one());
        assertEquals("Trần Thị Bình", row.get("full_name"));
        assertEquals(java.sql.Date.valueOf(LocalDate.of(1961, 9, 5)), row.get("birth_date"));
        assertEquals((short) 2, ((Number) row.get("group_no")).shortValue());
        assertEquals("xa-a2", row.get("code"));
    }

    @Test
    void refusesSomeoneUnderTheMinimumAgeOnTheFirstDay() {
        ChatDriver c = chat("young");
        c.send("hi");
        c.send("đồng ý");
        c.send("Lê Văn Nhỏ");
        LocalDate fourteen = contestStart().minusYears(15).plusDays(1);
        c.send(String.format("%02d/%02d/%d", fourteen.getDayOfMonth(), fourteen.getMonthValue(), fourteen.getYear()));
        assertTrue(c.text().contains("phải đủ 15 tuổi"), c.text());
        LocalDate fifteen = contestStart().minusYears(15);
        c.send(String.format("%02d/%02d/%d", fifteen.getDayOfMonth(), fifteen.getMonthValue(), fifteen.getYear()));
        assertTrue(c.text().contains("số điện thoại"), "exactly fifteen on the first day may compete: " + c.text());
    }

    @Test
    void refusesACommitteeMemberAndATakenPhone() {
        chat("first-owner").register("Phạm Văn Một", "01/01/1980", "0987 654 321", 1, "1");
        ChatDriver c = chat("second");
        c.send("hi");
        c.send("đồng ý");
        c.send("Phạm Văn Hai");
        c.send("02/02/1982");
        c.send("0999888777");
        assertTrue(c.text().contains("thành viên Ban Tổ chức"), c.text());
        c.send("84987654321");
        assertTrue(c.text().contains("đã được dùng để đăng ký"), c.text());
        c.send("0977000222");
        assertTrue(c.text().contains("nhóm đối tượng"), c.text());
        long count = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM participants WHERE phone IN ('0999888777','0987654321')")
                .mapTo(Long.class).one());
        assertEquals(1, count);
    }

    @Test
    void editingFromTheSummaryStartsAgainAndCancelClearsTheDraft() {
        ChatDriver c = chat("editor");
        c.send("hi");
        c.tap(c.token("Đồng ý"));
        c.send("Hoàng Văn Sửa");
        c.send("01/01/1990");
        c.send("0966000333");
        c.tap(c.token("Nhân dân"));
        c.tap(c.token("Sở Thông tin"));
        c.tap(c.token("Sửa lại"));
        assertTrue(c.text().contains("họ và tên"), c.text());
        c.send("hủy");
        assertTrue(c.text().contains("Đã hủy"), c.text());
        assertTrue(c.text().contains("Bạn có đồng ý không?"), c.text());
        assertFalse(db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM participants WHERE phone = '0966000333'")
                .mapTo(Long.class).one()) > 0);
    }

    @Test
    void helpAndRulesAnswerInEveryStateAndReaskTheQuestion() {
        ChatDriver c = chat("curious");
        c.send("hi");
        c.send("đồng ý");
        c.send("thể lệ");
        assertTrue(c.text().contains("Thể lệ thử nghiệm"), c.text());
        assertTrue(c.text().contains("họ và tên"), "the rules are followed by the pending question: " + c.text());
        c.send("/help");
        assertTrue(c.text().contains("Hướng dẫn"), c.text());
        c.send("kết quả");
        assertTrue(c.text().contains("chưa đăng ký"), c.text());
    }

    @Test
    void aStartLinkRecordsTheUnitThatBroughtThePerson() {
        ChatDriver c = chat("referred");
        c.deliver(Inbound.start(c.chat(), "start-1", "huyen-b"));
        c.send("đồng ý");
        c.send("Vi Văn Giới");
        c.send("10/10/1970");
        c.send("0355000444");
        c.send("2");
        assertTrue(c.text().contains("Bạn đến từ đường dẫn của Huyện B"), c.text());
        c.tap(c.token("✔ Huyện B"));
        c.tap(c.token("Xác nhận"));
        Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT u.code AS unit, r.code AS referral FROM participants p JOIN units u ON u.id = p.unit_id
                JOIN units r ON r.id = p.referral_unit_id WHERE p.phone = '0355000444'""").mapToMap().one());
        assertEquals("huyen-b", row.get("unit"));
        assertEquals("huyen-b", row.get("referral"));
    }

    private static LocalDate contestStart() {
        return contest.config().startDate();
    }
}
