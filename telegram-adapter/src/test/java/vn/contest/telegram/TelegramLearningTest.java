package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Round;
import vn.contest.core.remind.ReminderJob;
import vn.contest.core.remind.Reminders;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/** Practice, answer review and reminders played through webhook updates, with WireMock as the Bot API. */
class TelegramLearningTest {
    static TelegramStandIn t;

    @BeforeAll
    static void setUp() {
        t = new TelegramStandIn(TestEngine.start(TestContest.config(TestContest.yaml() + "reminders: {hoursBeforeRoundCloses: [24, 2]}\n")));
        t.engine.importPracticeQuestions();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @BeforeEach
    void fresh() {
        t.api.reset();
        t.engine.clock.set(Instant.now());
    }

    static void tap(long user, String label) {
        t.say(Updates.callback(Updates.nextId(), user, 8000, TelegramStandIn.callbackData(t.last(user), label), 1700000000));
    }

    static String text(long user) {
        return t.last(user).path("text").asText();
    }

    /** Registers with a shared contact; reminders are offered, not taken. */
    static void register(long user, String phone) {
        t.say(Updates.text(Updates.nextId(), user, "/start"));
        tap(user, "Đồng ý");
        t.say(Updates.text(Updates.nextId(), user, "Lò Văn Học"));
        t.say(Updates.text(Updates.nextId(), user, "10/10/2007"));
        t.say(Updates.contact(Updates.nextId(), user, phone, user));
        tap(user, "Nhân dân");
        tap(user, "Huyện B");
        tap(user, "Xác nhận");
        assertTrue(texts(user).stream().anyMatch(s -> s.contains("Bạn có muốn nhận tin nhắc")), texts(user).toString());
    }

    static List<String> texts(long user) {
        return t.api.sentTo(user).stream().map(m -> m.path("text").asText()).toList();
    }

    @Test
    void aPupilPractisesThenReadsTheReviewPageByPage() {
        long user = 6_000_001L;
        register(user, "+84 912 345 601");
        t.say(Updates.text(Updates.nextId(), user, "/luyentap"));      // from the bot's command menu
        assertTrue(text(user).startsWith("Câu luyện tập 1/3"), text(user));
        for (int i = 0; i < 3; i++) {
            JsonNode question = t.last(user);
            String data = question.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText();
            t.say(Updates.callback(Updates.nextId(), user, 8100 + i, data, 1700000000));
        }
        assertEquals(3, texts(user).stream().filter(s -> (s.startsWith("✅") || s.startsWith("❌")) && s.contains("Đáp án đúng: ")
                && s.contains("Giải thích: Cẩm nang luyện tập mục")).count(), "a verdict with the key and its source after each answer");
        assertEquals(3, t.api.calls("editMessageText").stream().filter(e -> e.path("text").asText().startsWith("Câu luyện tập")).count(),
                "each answered question loses its buttons");
        assertEquals(0L, t.count("SELECT count(*) FROM attempts"), "practice is no paper");

        t.engine.db.jdbi().useHandle(h -> h.execute("UPDATE questions SET explanation = repeat('Theo Điều 2 của văn bản thử nghiệm. ', 20)"));
        tap(user, "Bắt đầu thi");
        for (int i = 0; i < 4; i++) {
            t.say(Updates.text(Updates.nextId(), user, "b"));
        }
        t.say(Updates.text(Updates.nextId(), user, "1500"));
        Round first = t.engine.contest.rounds().get(0);
        t.engine.clock.set(first.closesAt().plus(Duration.ofMinutes(5)));
        t.say(Updates.text(Updates.nextId(), user, "kết quả"));
        t.say(Updates.callback(Updates.nextId(), user, 8200, TelegramStandIn.callbackData(
                t.api.sentTo(user).stream().filter(m -> m.toString().contains("Xem đáp án")).reduce((a, b) -> b).orElseThrow(), "Xem đáp án"),
                1700000000));
        int pages = 1;
        while (text(user).startsWith("Đáp án lượt thi thứ 1") && t.last(user).toString().contains("Xem tiếp")) {
            tap(user, "Xem tiếp");
            pages++;
        }
        assertTrue(pages >= 2, "long explanations need more than one page");
        List<String> review = texts(user).stream().filter(s -> s.startsWith("Đáp án lượt thi thứ 1 (Tuần 1)")).toList();
        assertEquals(pages, review.size());
        assertTrue(String.join("\n", review).contains("Câu 4. "), "to the last question");
        assertTrue(review.stream().allMatch(s -> s.length() <= 4096), "each page fits one Telegram message");
    }

    @Test
    void aReminderReachesWhoOptedInAndTatNhacNhoStopsTheNext() {
        long wants = 6_000_002L;
        long declines = 6_000_003L;
        register(wants, "+84 912 345 602");
        tap(wants, "Nhận nhắc nhở");
        register(declines, "+84 912 345 603");
        Round first = t.engine.contest.rounds().get(0);
        ReminderJob job = new ReminderJob(t.engine.db.jdbi(), () -> java.util.List.of(t.engine.contest), t.engine.clock,
                List.of(new Reminders.Route(t.sender.channel(), Optional.empty())));
        t.engine.clock.set(first.closesAt().minus(Duration.ofHours(20)));
        assertEquals(1, job.runOnce());
        t.drain();
        assertTrue(text(wants).startsWith("⏰ Nhắc nhở: Tuần 1 kết thúc lúc"), text(wants));
        assertTrue(texts(declines).stream().noneMatch(s -> s.contains("Nhắc nhở:")));
        t.say(Updates.text(Updates.nextId(), wants, "Tắt nhắc nhở"));
        assertTrue(texts(wants).stream().anyMatch(s -> s.startsWith("Đã tắt nhắc nhở")));
        t.engine.clock.set(first.closesAt().minus(Duration.ofHours(1)));
        assertEquals(0, job.runOnce(), "nobody left who wants the two-hour reminder");
    }
}
