package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/**
 * Two contests open at once behind one bot, played through webhook updates against the Bot API stand-in: a
 * deep link names the contest, one person takes part in both from one chat, /cuocthi is refused during a paper.
 */
class TelegramSeveralContestsTest {
    static TelegramStandIn t;

    @BeforeAll
    static void setUp() {
        t = new TelegramStandIn(TestEngine.start(TestContest.config(), TestEngine.secondContest()));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static void tap(long user, String label) {
        t.say(Updates.callback(Updates.nextId(), user, 9000, TelegramStandIn.callbackData(t.last(user), label), 1700000000));
    }

    static void send(long user, String text) {
        t.say(Updates.text(Updates.nextId(), user, text));
    }

    static List<String> texts(long user) {
        return t.api.sentTo(user).stream().map(m -> m.path("text").asText()).toList();
    }

    static String text(long user) {
        return t.last(user).path("text").asText();
    }

    /** Answers every question of the open paper with the first button, then predicts. */
    static void answerThePaper(long user) {
        for (int i = 0; i < 4; i++) {
            JsonNode question = t.last(user);
            String data = question.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
            t.say(Updates.callback(Updates.nextId(), user, 9100 + i, data, 1700000000));
        }
        send(user, "1234");
    }

    @Test
    void aDeepLinkNamesTheContestAndOnePersonTakesPartInBoth() {
        long user = 7_100_001L;
        send(user, "/start luat-2026-huyen-b");
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("【Cuộc thi tìm hiểu pháp luật】")
                && s.contains("Chào mừng bạn đến với Cuộc thi tìm hiểu pháp luật")), texts(user).toString());
        tap(user, "Đồng ý");
        send(user, "Hà Thị Luật");
        send(user, "10/10/1990");
        t.say(Updates.contact(Updates.nextId(), user, "+84 912 345 701", user));
        tap(user, "Nhân dân");
        tap(user, "Huyện B");
        tap(user, "Xác nhận");
        tap(user, "Bắt đầu thi");
        answerThePaper(user);
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("Bạn đã hoàn thành lượt thi thứ 1")), texts(user).toString());

        send(user, "/cuocthi");
        tap(user, "1");
        assertTrue(text(user).contains("Bạn là Hà Thị Luật, sinh ngày 10/10/1990?"), text(user));
        tap(user, "Xác nhận");
        tap(user, "Nhân dân");
        tap(user, "Huyện B");
        tap(user, "Bắt đầu thi");
        assertTrue(texts(user).stream().anyMatch(s -> s.startsWith("【Cuộc thi thử nghiệm】") && s.contains("Lượt thi thứ 1")),
                "the other contest's own first paper: " + texts(user));
        send(user, "/cuocthi");
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("hoàn thành bài thi này trước")), "not during a timed paper");
        answerThePaper(user);

        assertEquals(2, t.count("SELECT count(*) FROM participants WHERE phone = '0912345701' AND phone_verified_via = 'telegram'"),
                "a verified phone keeps its trust in the second contest");
        assertEquals(2, t.count("SELECT count(DISTINCT a.contest_id) FROM attempts a JOIN participants p ON p.id = a.participant_id "
                + "WHERE p.phone = '0912345701' AND a.status = 'finished'"));
    }
}
