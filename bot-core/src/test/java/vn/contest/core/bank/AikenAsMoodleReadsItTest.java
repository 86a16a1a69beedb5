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

/**
 * Aiken files as Moodle's own importer reads them (question/format/aiken/format.php): an option is a capital
 * letter, ")" or ".", then the text with or without a space ("A)Sai" included, as in Moodle's error fixture);
 * an option or ANSWER line outside a question, a question with one option and one left without its ANSWER are
 * errors there and here. The file below has the same cases as Moodle's fixture aiken_errors.txt, in our words.
 */
class AikenAsMoodleReadsItTest {
    static Database db;
    static Contest contest;
    static QuestionImporter importer;

    static final String GOOD = """
            Câu hỏi đúng thứ nhất
            A) Đúng
            B) Sai
            ANSWER: A

            Câu hỏi đúng thứ hai
            A)Sai (không có dấu cách)
            B)Đúng (không có dấu cách)
            ANSWER: B

            Câu hỏi đúng thứ ba có ký tự HTML như > < &
            A) Đúng (< > &)
            B) Sai (< > &)
            ANSWER: A
            """;

    /** Moodle imports the three good questions of this file and reports the errors at lines 3 (or 1), 5, 7 and 14. */
    static final String WITH_ERRORS = """
            Câu hỏi chỉ có một phương án
            A) Phương án duy nhất
            ANSWER: A

            A) Câu hỏi chưa bắt đầu

            ANSWER: Câu hỏi chưa bắt đầu

            """ + GOOD.lines().limit(5).reduce("", (a, b) -> a + b + "\n") + """
            Câu hỏi bắt đầu nhưng chưa xong
            A) Gần đúng
            B) Gần sai

            """ + GOOD.lines().skip(5).reduce("", (a, b) -> a + b + "\n");

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

    static ImportReport aiken(String text) {
        return importer.importFile(contest, text.getBytes(StandardCharsets.UTF_8), "moodle.txt", "chung");
    }

    static List<String> options(String questionText) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT o.text || CASE WHEN o.correct THEN ' (đúng)' ELSE '' END FROM question_options o JOIN questions q ON q.id = o.question_id
                WHERE q.text = :t ORDER BY o.position""").bind("t", questionText).mapTo(String.class).list());
    }

    static int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM questions").mapTo(Integer.class).one());
    }

    @Test
    void aFileWithMoodlesErrorsImportsNothingAndNamesEachLine() {
        int before = count();
        ImportReport report = aiken(WITH_ERRORS);
        assertEquals(0, report.imported());
        assertEquals(before, count(), "nothing of a file with an error is imported");
        List<Integer> lines = report.problems().stream().map(ImportProblem::row).toList();
        assertEquals(List.of(1, 5, 7, 14), lines, report.problems().toString());
        assertTrue(report.problems().get(0).message().contains("ít nhất hai phương án"), report.problems().toString());
        assertTrue(report.problems().get(1).message().contains("không thuộc câu hỏi nào"), report.problems().toString());
        assertTrue(report.problems().get(2).message().contains("không thuộc câu hỏi nào"), report.problems().toString());
        assertTrue(report.problems().get(3).message().contains("ANSWER"), report.problems().toString());
    }

    @Test
    void theQuestionsMoodleImportsFromThatFileImportHereIncludingOptionsWithoutASpace() {
        ImportReport report = aiken(GOOD);
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(3, report.imported());
        assertEquals(List.of("Sai (không có dấu cách)", "Đúng (không có dấu cách) (đúng)"), options("Câu hỏi đúng thứ hai"));
        assertEquals(List.of("Đúng (< > &) (đúng)", "Sai (< > &)"), options("Câu hỏi đúng thứ ba có ký tự HTML như > < &"));
    }

    @Test
    void everyOptionFormMoodleAcceptsIsRead() {
        ImportReport report = aiken("Dạng phương án nào cũng đọc được?\nA. chấm và dấu cách\nB) ngoặc và dấu cách\nC)ngoặc liền\n"
                + "D.chấm liền\nE)\tngoặc và tab\r\nANSWER: C\rMột câu sau dòng chỉ có CR?\nA. Có\nB. Không\nANSWER: A\n");
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(List.of("chấm và dấu cách", "ngoặc và dấu cách", "ngoặc liền (đúng)", "chấm liền", "ngoặc và tab"),
                options("Dạng phương án nào cũng đọc được?"));
        assertEquals(List.of("Có (đúng)", "Không"), options("Một câu sau dòng chỉ có CR?"));
    }

    @Test
    void anOptionOutOfOrderIsNamedNotMisread() {
        ImportReport report = aiken("Câu có phương án nhảy cóc?\nA) Một\nC) Ba\nANSWER: A\n");
        assertEquals(0, report.imported());
        assertTrue(report.problems().stream().anyMatch(p -> p.row() == 3 && p.message().contains("không đúng thứ tự")),
                report.problems().toString());
    }
}
