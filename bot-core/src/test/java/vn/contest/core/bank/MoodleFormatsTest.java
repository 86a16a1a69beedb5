package vn.contest.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Contest;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

/** Moodle's GIFT and Aiken multiple-choice files, so an existing bank can be reused. */
class MoodleFormatsTest {
    static Database db;
    static Contest contest;
    static QuestionImporter importer;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        contest = TestContest.install(db.jdbi(), TestContest.config());
        importer = new QuestionImporter(db.jdbi());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static ImportReport gift(String text) {
        return importer.importFile(contest, text.getBytes(StandardCharsets.UTF_8), "ngan-hang.gift", "chung");
    }

    static List<String> options(String questionText) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT o.text || CASE WHEN o.correct THEN ' (đúng)' ELSE '' END FROM question_options o JOIN questions q ON q.id = o.question_id
                WHERE q.text = :t ORDER BY o.position""").bind("t", questionText).mapTo(String.class).list());
    }

    @Test
    void importsGiftWithCategoriesTitlesEscapesAndFeedback() {
        ImportReport report = gift("""
                // Ngân hàng từ Moodle
                $CATEGORY: $course$/top/Pháp luật

                ::Q1:: Luật An ninh mạng có hiệu lực từ năm nào? {
                  ~2018 # thông qua năm 2018
                  =2019 # đúng
                  ~2020
                }

                $CATEGORY: $course$/top/ky-nang
                [html]Trong mật khẩu, ký hiệu \\= và \\{ có được dùng không? {=Có ~Không}
                """);
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(2, report.imported());
        assertEquals(List.of("2018", "2019 (đúng)", "2020"), options("Luật An ninh mạng có hiệu lực từ năm nào?"));
        assertEquals(List.of("Có (đúng)", "Không"), options("Trong mật khẩu, ký hiệu = và { có được dùng không?"));
        String topic = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT t.code FROM questions q JOIN topics t ON t.id = q.topic_id WHERE q.text LIKE 'Luật An ninh mạng có hiệu lực%'""")
                .mapTo(String.class).one());
        assertEquals("luat", topic, "the category's last segment names the topic");
    }

    @Test
    void giftQuestionsThatAreNotSingleAnswerMultipleChoiceAreReportedByLine() {
        int before = count();
        ImportReport report = gift("""
                Câu trắc nghiệm hợp lệ về OTP? {=Không chia sẻ ~Chia sẻ}

                Trái Đất hình cầu? {T}

                Hai đáp án đúng? {=Một =Hai ~Ba}

                Thiếu đáp án
                """);
        assertEquals(0, report.imported());
        assertTrue(report.problems().stream().anyMatch(p -> p.row() == 3 && p.message().contains("Đúng/Sai")), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.row() == 5 && p.message().contains("2 đáp án đúng")), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.row() == 7 && p.message().contains("{ }")), report.problems().toString());
        assertEquals(before, count(), "the valid first question was not imported either");
    }

    @Test
    void importsAikenWithTheChosenTopicAndReportsAMissingAnswer() {
        String good = """
                Ngày Chuyển đổi số quốc gia là ngày nào?
                A. 10/10
                B) 03/6
                ANSWER: A
                Mã OTP có được cho người khác không?
                A. Có
                B. Không
                ANSWER: B
                """;
        ImportReport ok = importer.importFile(contest, good.getBytes(StandardCharsets.UTF_8), "aiken.txt", "ky-nang");
        assertTrue(ok.ok(), ok.problems().toString());
        assertEquals(2, ok.imported());
        assertEquals(List.of("Có", "Không (đúng)"), options("Mã OTP có được cho người khác không?"));

        ImportReport bad = importer.importFile(contest, "Câu không có đáp án?\nA. Một\nB. Hai\n\nCâu sai chữ cái?\nA. X\nB. Y\nANSWER: E\n"
                .getBytes(StandardCharsets.UTF_8), "aiken.txt", "ky-nang");
        assertEquals(0, bad.imported());
        assertEquals(2, bad.problems().size(), bad.problems().toString());
        assertTrue(bad.problems().get(0).row() == 1 && bad.problems().get(0).message().contains("ANSWER"), bad.problems().toString());
        assertTrue(bad.problems().get(1).row() == 5 && bad.problems().get(1).message().contains("phương án trống"), bad.problems().toString());
    }

    static int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM questions").mapTo(Integer.class).one());
    }
}
