package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Round;
import vn.contest.core.testing.MutableClock;

/**
 * Practice, answer review and reminders through the real app and the web chat's API, on the demo contest and
 * the shipped sample bank; the committee sees practice apart on the dashboard and each reminder's counts.
 */
class LearningOverWebTest {
    static App app;
    static MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.now());
        app = TestApps.onSharedServer("learning_web", clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Set<Long> ids(String sql) {
        return new HashSet<>(app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).list()));
    }

    static boolean said(List<JsonNode> messages, String start) {
        return messages.stream().anyMatch(m -> m.get("text").asText().startsWith(start));
    }

    @Test
    void aCitizenPractisesIsRemindedAtTheNextVisitAndReadsTheKeyOnceTheRoundCloses() {
        Round first = app.contest().rounds().get(0);
        WebClient hoa = new WebClient(app.port());
        hoa.register("Nông Thị Hoa", "12/12/1963", "0912000901", 2, "1");
        assertTrue(hoa.text().contains("Bạn có muốn nhận tin nhắc 24 giờ và 2 giờ trước khi mỗi đợt thi kết thúc"), hoa.text());
        hoa.tap(hoa.token("Nhận nhắc nhở"));
        assertTrue(hoa.text().contains("Đã bật nhắc nhở"), hoa.text());

        hoa.tap(hoa.token("Luyện tập"));
        assertTrue(hoa.text().contains("Câu luyện tập 1/5"), hoa.text());
        for (int i = 0; i < 5; i++) {
            hoa.tap(hoa.lastChoiceToken(0));
            assertTrue(hoa.text().contains("Đáp án đúng: ") && hoa.text().contains("Giải thích: "), hoa.text());
        }
        assertTrue(hoa.text().contains("/5 câu luyện tập"), hoa.text());
        Set<Long> practised = ids("SELECT DISTINCT unnest(question_ids) FROM practice_sets");
        Set<Long> forPractice = ids("SELECT id FROM questions WHERE purpose = 'practice'");
        assertTrue(forPractice.containsAll(practised), "while round one runs, no contest question: " + practised);

        WebClient lan = new WebClient(app.port());
        lan.register("Hà Thị Lan", "01/01/1990", "0912000902", 2, "1");
        lan.tap(lan.token("Nhận nhắc nhở"));
        lan.takePaper(app, 6);
        assertTrue(lan.text().contains("Số câu trả lời đúng: 6/10"), lan.text());

        clock.set(first.closesAt().minus(Duration.ofHours(20)));
        assertEquals(1, app.reminders().runOnce(), "only the one with no finished paper");
        assertEquals(0, app.reminders().runOnce());
        assertTrue(said(hoa.poll(), "⏰ Nhắc nhở: Tuần 1 kết thúc lúc"), "shown at the next visit");
        assertTrue(!said(lan.poll(), "⏰ Nhắc nhở"), "finished a paper in the round");

        AdminClient secretary = new AdminClient(app.port());
        secretary.login("admin", TestApps.ADMIN_PASSWORD);
        String dashboard = secretary.get("/admin").body();
        assertTrue(dashboard.contains("id=\"practice-people\">1<") && dashboard.contains("id=\"took-part\">1<"),
                "practice shown apart, and not as taking part");
        String broadcasts = secretary.get("/admin/broadcasts").body();
        assertTrue(broadcasts.contains("nhắc nhở tự động") && broadcasts.contains("class=\"reminder\""), "each reminder on the broadcast page");
        assertTrue(secretary.get("/admin/questions").body().contains(">Luyện tập</span>"), "the bank marks practice questions");

        clock.set(first.closesAt().plus(Duration.ofHours(1)));
        try {
            lan.send("xem đáp án");
            assertTrue(lan.text().startsWith("Đáp án lượt thi thứ 1 (Tuần 1), câu 1-"), lan.text());
            assertTrue(lan.text().contains("Bạn chọn ") && lan.text().contains("Giải thích: "), lan.text());
            hoa.send("xem đáp án");
            assertTrue(hoa.text().contains("Bạn chưa có lượt thi nào được tính"), hoa.text());
            hoa.tap(hoa.token("Luyện tập"));
            hoa.tap(hoa.lastChoiceToken(0));
            assertTrue(hoa.text().contains("Đáp án đúng: "), "practice goes on between rounds: " + hoa.text());
        } finally {
            clock.set(Instant.now());
        }
    }
}
