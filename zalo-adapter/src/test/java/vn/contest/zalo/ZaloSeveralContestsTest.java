package vn.contest.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/**
 * Two contests open at once behind one OA, played through signed events against the OA API stand-in, typed as
 * a 60-year-old types: the choice by its number, both contests from one chat, no switching during a paper.
 */
class ZaloSeveralContestsTest {
    static ZaloStandIn z;

    @BeforeAll
    static void setUp() {
        z = new ZaloStandIn(TestEngine.start(TestContest.config(), TestEngine.secondContest()));
    }

    @AfterAll
    static void tearDown() {
        z.close();
    }

    static void say(String user, String text) {
        z.say(ZaloEvents.text(user, text));
    }

    static List<String> texts(String user) {
        return z.sentTo(user).stream().map(b -> b.path("message").path("text").asText()).toList();
    }

    static void takeAPaper(String user) {
        say(user, "thi");
        for (int i = 0; i < 4; i++) {
            say(user, "a");
        }
        say(user, "1000");
    }

    @Test
    void oneChatTakesPartInBothContestsByTypedNumbers() {
        String user = "7142494823100001";
        z.say(ZaloEvents.follow(user));
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("Hiện có 2 cuộc thi") && s.contains("2. Cuộc thi tìm hiểu pháp luật")),
                texts(user).toString());
        say(user, "2");
        assertTrue(texts(user).stream().anyMatch(s -> s.startsWith("【Cuộc thi tìm hiểu pháp luật】")), texts(user).toString());
        say(user, "đồng ý");
        say(user, "Nông Văn Hai");
        say(user, "12/12/1963");
        say(user, "0912 000 801");
        say(user, "2");
        say(user, "3");
        say(user, "xác nhận");
        takeAPaper(user);
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("Bạn đã hoàn thành lượt thi thứ 1")), texts(user).toString());

        say(user, "cuộc thi 1");
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("Bạn là Nông Văn Hai, sinh ngày 12/12/1963?")), texts(user).toString());
        say(user, "xác nhận");
        say(user, "2");
        say(user, "3");
        say(user, "thi");
        say(user, "cuộc thi khác");
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("hoàn thành bài thi này trước")), "not during a timed paper");
        for (int i = 0; i < 4; i++) {
            say(user, "a");
        }
        say(user, "1000");
        assertEquals(2, z.count("SELECT count(DISTINCT a.contest_id) FROM attempts a JOIN participants p ON p.id = a.participant_id "
                + "WHERE p.phone = '0912000801' AND a.status = 'finished'"), "a finished paper in each contest");
        assertEquals(2, z.count("SELECT count(*) FROM chat_accounts WHERE external_id = '" + user + "'"), "a row per contest");
    }
}
