package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;
import vn.contest.core.testing.TestContest;

/** A contest that also asks the ID number (CCCD): committee members are refused by it, and it is one per person. */
class IdNumberRegistrationTest {
    static TestEngine engine;
    static Database db;
    static Dialogue dialogue;
    static OutboxStore outbox;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start(TestContest.config(
                TestContest.yaml().replace("eligibility:", "registration: {askIdNumber: true}\neligibility:")));
        db = engine.db;
        dialogue = engine.dialogue;
        outbox = engine.outbox;
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    static ChatDriver upToIdNumber(String chatId, String phone) {
        ChatDriver c = new ChatDriver(dialogue, outbox, chatId);
        c.send("hi");
        c.send("đồng ý");
        c.send("Ma Thị Căn");
        c.send("03/03/1993");
        c.send(phone);
        assertTrue(c.text().contains("căn cước"), c.text());
        return c;
    }

    @Test
    void asksTheIdNumberAndRefusesACommitteeMemberByIt() {
        ChatDriver c = upToIdNumber("cccd-1", "0357000001");
        c.send("12345");
        assertTrue(c.text().contains("đủ 12 chữ số"), c.text());
        c.send("001 099 000 111");
        assertTrue(c.text().contains("thành viên Ban Tổ chức"), c.text());
        c.send("001-099-000-222");
        assertTrue(c.text().contains("nhóm đối tượng"), c.text());
        c.send("2");
        c.send("1");
        assertTrue(c.text().contains("Số căn cước: 001099000222"), c.text());
        c.send("xác nhận");
        assertTrue(c.text().contains("Đăng ký thành công"), c.text());

        ChatDriver other = upToIdNumber("cccd-2", "0357000002");
        other.send("001099000222");
        assertTrue(other.text().contains("Số căn cước này đã được dùng"), other.text());
        long stored = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM participants WHERE id_number = '001099000222'")
                .mapTo(Long.class).one());
        assertEquals(1, stored);
    }
}
