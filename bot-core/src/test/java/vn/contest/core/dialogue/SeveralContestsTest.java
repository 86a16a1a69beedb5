package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Contest;
import vn.contest.core.message.Inbound;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;

/**
 * One deployment, two contests open at once, one chat: the chat chooses, takes part in both with separate
 * papers, caps and results, never leaves a timed paper for the other, and every reply says which contest.
 */
class SeveralContestsTest {
    static TestEngine engine;
    static Contest first;
    static Contest second;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start(vn.contest.core.testing.TestContest.config(), TestEngine.secondContest());
        first = engine.contests.get(0);
        second = engine.contests.get(1);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    static long count(String sql, Object... args) {
        return engine.db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    @Test
    void aNewcomerChoosesAmongTheOpenContestsAndAStrangerLeavesNothingBehind() {
        ChatDriver c = engine.chat("stranger");
        c.send("xin chào");
        assertTrue(c.text().contains("Hiện có 2 cuộc thi") && c.text().contains("1. Cuộc thi thử nghiệm")
                && c.text().contains("2. Cuộc thi tìm hiểu pháp luật"), c.text());
        assertEquals(List.of("contest:test-contest", "contest:luat-2026"), c.tokens());
        assertEquals(0, count("SELECT count(*) FROM chat_accounts WHERE external_id = 'stranger'"));
        c.send("2");
        assertTrue(c.text().contains("【Cuộc thi tìm hiểu pháp luật】") && c.text().contains("Chào mừng bạn đến với Cuộc thi tìm hiểu pháp luật"),
                "a typed number chooses, and the welcome says which contest: " + c.text());
        c.send("trợ giúp");
        assertTrue(c.text().contains("【Cuộc thi tìm hiểu pháp luật】"), "the chat stays in the contest it chose: " + c.text());
    }

    @Test
    void onePersonTakesPartInBothFromOneChatWithSeparatePapersAndResults() {
        ChatDriver c = engine.chat("both");
        c.send("xin chào");
        c.tap("contest:test-contest");
        c.register("Nguyễn Thị Hoa", "15/08/1990", "0912000111", 2, "1");
        c.answerAPaper();
        c.send("12500");
        assertTrue(c.text().contains("【Cuộc thi thử nghiệm】"), c.text());

        c.send("cuộc thi khác");
        assertTrue(c.text().contains("bạn đang ở cuộc thi số 1") && c.text().contains("cuộc thi 2"), c.text());
        c.tap(c.token("2"));
        assertTrue(c.text().contains("Chào mừng bạn đến với Cuộc thi tìm hiểu pháp luật")
                && c.text().contains("Bạn là Nguyễn Thị Hoa, sinh ngày 15/08/1990?"), c.text());
        c.tap(c.token("Xác nhận"));
        c.send("2");
        c.send("1");
        assertTrue(c.text().contains("Đăng ký thành công"), c.text());
        c.send("thi");
        assertTrue(c.text().contains("Lượt thi thứ 1"), "the other contest's caps and papers are its own: " + c.text());

        // A timed paper is not left for another contest, by command, button or link.
        c.send("cuộc thi khác");
        assertTrue(c.text().contains("hoàn thành bài thi này trước"), c.text());
        c.tap("contest:test-contest");
        assertTrue(c.text().contains("hoàn thành bài thi này trước") && c.text().contains("【Cuộc thi tìm hiểu pháp luật】"), c.text());
        c.deliver(Inbound.start(c.chat(), java.util.UUID.randomUUID().toString(), "test-contest"));
        assertTrue(c.text().contains("hoàn thành bài thi này trước"), c.text());

        // A forged token naming the other contest's paper changes nothing.
        long firstPaper = count("SELECT a.id FROM attempts a WHERE a.contest_id = ? ORDER BY id DESC LIMIT 1", first.id());
        Map<String, Object> before = engine.db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM attempts WHERE id = :a")
                .bind("a", firstPaper).mapToMap().one());
        c.tap(Tokens.answer(firstPaper, 0, 0));
        assertTrue(c.text().contains("không còn hiệu lực"), c.text());
        assertEquals(before, engine.db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM attempts WHERE id = :a")
                .bind("a", firstPaper).mapToMap().one()));

        for (int i = 0; i < second.config().paper().questions(); i++) {
            c.send("b");
        }
        c.send("900");
        c.send("kết quả");
        assertTrue(c.text().contains("Lượt 1") && !c.text().contains("Lượt 2"), "only this contest's paper: " + c.text());
        assertEquals(2, count("SELECT count(*) FROM participants WHERE phone = '0912000111'"), "taking part is per contest");
        assertEquals(1, count("SELECT count(*) FROM attempts a JOIN participants p ON p.id = a.participant_id WHERE p.phone = '0912000111' AND a.contest_id = ?",
                second.id()));
        assertEquals(1, count("SELECT count(*) FROM round_results rr JOIN rounds r ON r.id = rr.round_id WHERE r.contest_id = ?", second.id()));
    }

    @Test
    void aStartLinkNamingAContestAndAUnitLandsThereWithTheUnit() {
        ChatDriver c = engine.chat("poster");
        c.deliver(Inbound.start(c.chat(), java.util.UUID.randomUUID().toString(), "luat-2026-huyen-b"));
        assertTrue(c.text().contains("Chào mừng bạn đến với Cuộc thi tìm hiểu pháp luật"), c.text());
        assertFalse(c.text().contains("Hiện có 2 cuộc thi"), c.text());
        long unit = second.unitByCode("huyen-b").orElseThrow().id();
        assertEquals(unit, count("SELECT referral_unit_id FROM chat_accounts WHERE external_id = 'poster' AND contest_id = ?", second.id()));
        assertEquals(1, count("SELECT count(*) FROM chat_accounts WHERE external_id = 'poster' AND focused"));
    }

    @Test
    void aReturningPersonReachesTheOtherContestsFirstQuestionInFourTaps() {
        ChatDriver c = engine.chat("returning");
        c.send("1");
        c.register("Trần Văn Bình", "02/03/1985", "0912000222", 1, "1");
        c.deliver(Inbound.start(c.chat(), java.util.UUID.randomUUID().toString(), "luat-2026"));
        assertTrue(c.text().contains("Bạn là Trần Văn Bình, sinh ngày 02/03/1985?"), c.text());
        int taps = joinAsReturning(c);
        assertTrue(c.text().contains("Đăng ký thành công") && c.text().contains("Hạn chót của Tuần 1: 23:59"),
                "registered, and told the round's deadline early: " + c.text());
        c.tap(c.token("Bắt đầu thi"));
        taps++;
        assertTrue(c.text().contains("Câu 1/"), c.text());
        assertEquals(4, taps);
        Map<String, Object> joined = engine.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT full_name, phone, person_id FROM participants WHERE contest_id = :c AND phone = '0912000222'")
                .bind("c", second.id()).mapToMap().one());
        long firstRow = count("SELECT id FROM participants WHERE contest_id = ? AND phone = '0912000222'", first.id());
        assertEquals("Trần Văn Bình", joined.get("full_name"));
        assertEquals(firstRow, ((Number) joined.get("person_id")).longValue(), "one person, a row per contest");
    }

    /** Confirms who they are, then the first group and a unit without communes: returns the taps it took. */
    static int joinAsReturning(ChatDriver c) {
        c.tap(c.token("Xác nhận"));
        c.tap(c.tokens().get(0));
        c.tap(c.token("Sở Thông tin"));
        return 3;
    }

    @Test
    void someoneElseOnTheSameChatRegistersAnew() {
        ChatDriver c = engine.chat("shared");
        c.send("1");
        c.register("Lê Thị Cúc", "01/01/1980", "0912000333", 2, "1");
        c.send("cuộc thi 2");
        c.tap(c.token("Không phải tôi"));
        assertTrue(c.text().contains("Để dự thi, bạn cần cung cấp họ tên"), "the consent of a new registration: " + c.text());
    }

    @Test
    void erasingOnesDataErasesThePersonInEveryContest() {
        ChatDriver c = engine.chat("erase-everywhere");
        c.send("1");
        c.register("Phạm Văn Dũng", "05/05/1975", "0912000444", 1, "1");
        c.send("cuộc thi 2");
        joinAsReturning(c);
        assertEquals(2, count("SELECT count(*) FROM participants WHERE phone = '0912000444'"));
        c.send("xóa dữ liệu của tôi");
        c.tap(c.token("Xác nhận xóa"));
        assertEquals(0, count("SELECT count(*) FROM participants WHERE phone = '0912000444' OR full_name = 'Phạm Văn Dũng'"));
        assertEquals(0, count("SELECT count(*) FROM chat_accounts WHERE external_id = 'erase-everywhere' AND participant_id IS NOT NULL"));
    }

    @Test
    void aClosedContestSaysSoAndNamesTheContestsStillRunning() {
        String closedYaml = vn.contest.core.testing.TestContest.yaml().replace("code: test-contest", "code: cu-2025")
                .replace("title: Cuộc thi thử nghiệm", "title: Cuộc thi năm trước")
                .replace("opensAt: today-1d, closesAt: today+3d 23:59:59", "opensAt: today-40d, closesAt: today-30d 23:59:59")
                .replace("opensAt: today+4d, closesAt: today+10d 23:59:59", "opensAt: today-29d, closesAt: today-20d 23:59:59")
                .replace("opensAt: today-1d\n", "opensAt: today-40d\n").replace("closesAt: today+10d 23:59:59", "closesAt: today-20d 23:59:59");
        try (TestEngine two = TestEngine.start(vn.contest.core.testing.TestContest.config(closedYaml), vn.contest.core.testing.TestContest.config())) {
            ChatDriver c = two.chat("last-year");
            c.deliver(Inbound.start(c.chat(), java.util.UUID.randomUUID().toString(), "cu-2025"));
            c.send("thi");
            assertTrue(c.text().contains("Cuộc thi đã kết thúc") && c.text().contains("Gõ \"kết quả\"")
                    && c.text().contains("Cuộc thi khác đang mở hoặc sắp mở: Cuộc thi thử nghiệm (đang diễn ra"), c.text());
        }
    }

    /**
     * A message that waits for the chat's lock while the chat's turn moves it to the other contest goes to that
     * contest: the row it waited for is no longer the chat's focus, and the chat is read again as it now stands.
     */
    @Test
    void aMessageThatWaitedWhileTheChatSwitchedContestGoesToTheNewOne() throws Exception {
        ChatDriver c = engine.chat("switching");
        c.send("xin chào");
        c.tap("contest:test-contest");
        c.register("Trần Văn Chuyển", "15/08/1990", "0912000555", 2, "1");
        try (Connection holder = engine.db.openDedicated()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                // What the chat's own turn does when it enters the second contest, held open.
                st.executeQuery("SELECT id FROM chat_accounts WHERE channel = 'test' AND external_id = 'switching' AND focused FOR UPDATE").close();
                st.executeUpdate("UPDATE chat_accounts SET focused = false WHERE channel = 'test' AND external_id = 'switching'");
                st.executeUpdate("INSERT INTO chat_accounts (contest_id, channel, external_id, state, focused) VALUES ("
                        + second.id() + ", 'test', 'switching', 'CONSENT', true)");
            }
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> c.send("trợ giúp"));
            engine.awaitSomeoneWaitingOnALock();
            holder.commit();
            waiting.get(10, TimeUnit.SECONDS);
        }
        assertTrue(c.text().contains("【Cuộc thi tìm hiểu pháp luật】") && !c.text().contains("Hiện có 2 cuộc thi"),
                "the message goes to the contest the chat is in now, not to a choice: " + c.text());
    }
}
