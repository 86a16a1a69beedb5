package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.contest.core.attempt.DrawnQuestion;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.bank.ImportReport;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ContestStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestDatabase;

/** The shipped contest files and question bank load, import whole, and make papers that meet the quotas. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    static ContestConfig load(String name, LocalDate today) throws IOException {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve(name))) {
            return ContestConfigLoader.load(in, name, today);
        }
    }

    @Test
    void bacKan2023ReproducesThePlan() throws IOException {
        ContestConfig c = load("bac-kan-2023/contest.yaml", LocalDate.now());
        assertEquals("2023-09-10T00:00", c.opensAt().toString());
        assertEquals("2023-09-30T23:59:59", c.closesAt().toString());
        assertEquals("Asia/Ho_Chi_Minh", c.timezone());
        assertEquals(15, c.eligibility().minAge());
        assertEquals(List.of(1, 2), c.prizes().individual().stream().map(ContestConfig.GroupPrizes::group).toList());
        assertEquals(List.of("Giải Nhất", "Giải Nhì", "Giải Ba", "Giải Khuyến khích"),
                c.prizes().individual().get(0).levels().stream().map(ContestConfig.PrizeLevel::name).toList());
        assertEquals(2, c.prizes().collective().count());
        assertEquals("Đơn vị dẫn đầu", c.prizes().collective().name());
        List<String> names = c.units().stream().map(ContestConfig.UnitConfig::name).toList();
        for (String place : List.of("Thành phố Bắc Kạn", "Huyện Ba Bể", "Huyện Bạch Thông", "Huyện Chợ Đồn", "Huyện Chợ Mới",
                "Huyện Na Rì", "Huyện Ngân Sơn", "Huyện Pác Nặm", "Sở Thông tin và Truyền thông")) {
            assertTrue(names.contains(place), place);
        }
    }

    /** The shipped bank's rows, by column name. */
    static List<org.apache.commons.csv.CSVRecord> sampleBank() throws IOException {
        try (var parser = org.apache.commons.csv.CSVParser.parse(EXAMPLES.resolve("bac-kan-2023/questions.csv"),
                java.nio.charset.StandardCharsets.UTF_8, org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    /** The correct option's text of a row. */
    static String correctOption(org.apache.commons.csv.CSVRecord r) {
        return r.get(r.get("Đáp án").strip().substring(0, 1).toUpperCase());
    }

    /** A stem that quotes another question's answer gives that question away to anyone who meets both. */
    @Test
    void noQuestionOfTheSampleBankGivesAnotherOnesAnswerAway() throws IOException {
        List<org.apache.commons.csv.CSVRecord> rows = sampleBank();
        List<String> answers = rows.stream().map(ExamplesTest::correctOption).toList();
        List<String> giveaways = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.size(); j++) {
                String answer = answers.get(j);
                if (i != j && answer.length() >= 4 && rows.get(i).get("Câu hỏi").contains(answer)) {
                    giveaways.add("row " + (i + 2) + " quotes the answer of row " + (j + 2) + ": " + answer);
                }
            }
        }
        assertEquals(List.of(), giveaways);
    }

    /**
     * Practice shows its key and explanation at any time, live rounds included: neither may hold a contest
     * question's correct option.
     */
    @Test
    void noPracticeQuestionGivesAContestAnswerAway() throws IOException {
        List<org.apache.commons.csv.CSVRecord> rows = sampleBank();
        List<String> giveaways = new java.util.ArrayList<>();
        for (var practice : rows) {
            if (!practice.get("Dùng cho").equals("luyện tập")) {
                continue;
            }
            String shown = practice.get("Câu hỏi") + "\n" + correctOption(practice) + "\n" + practice.get("Giải thích");
            for (var contest : rows) {
                String answer = correctOption(contest);
                if (contest.get("Dùng cho").equals("thi") && answer.length() >= 4 && shown.contains(answer)) {
                    giveaways.add("practice row " + (practice.getRecordNumber() + 1) + " shows the answer of row "
                            + (contest.getRecordNumber() + 1) + ": " + answer);
                }
            }
        }
        assertEquals(List.of(), giveaways);
    }

    @Test
    void theSampleBankImportsWholeAndPapersMeetTheQuotas() throws IOException {
        try (Database db = TestDatabase.fresh()) {
            Contest contest = ContestStore.install(db.jdbi(), load("bac-kan-2023/contest.yaml", LocalDate.now()));
            ImportReport report = new QuestionImporter(db.jdbi()).importFile(contest, Files.readAllBytes(EXAMPLES.resolve("bac-kan-2023/questions.csv")));
            assertTrue(report.ok(), report.problems().toString());
            assertTrue(report.imported() >= 120, "at least 120 questions: " + report.imported());
            long practice = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM questions WHERE purpose = 'practice'")
                    .mapTo(Long.class).one());
            assertTrue(practice >= 30, "at least 30 for practice: " + practice);
            List<String> explanations = db.jdbi().withHandle(h -> h.createQuery("SELECT explanation FROM questions").mapTo(String.class).list());
            assertTrue(explanations.stream().allMatch(e -> e.matches(".*(Quyết định|Nghị định|Luật|Nghị quyết|Thông tư|Chỉ thị|Văn bản|Bộ|Cục|Cẩm nang|Ủy ban|NAPAS|Ngân hàng|Cổng|Bảo hiểm xã hội).*")),
                    "every explanation names its source");
            List<DrawnQuestion> paper = db.jdbi().withHandle(h -> new PaperDrawer().draw(h, contest, contest.rounds().get(0), contest.rounds().get(0).opensAt()));
            assertEquals(20, paper.size());
            List<Long> practiceIds = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM questions WHERE purpose = 'practice'")
                    .mapTo(Long.class).list());
            assertTrue(paper.stream().noneMatch(q -> practiceIds.contains(q.questionId())), "a practice question is never in a paper");
            Map<String, Long> byTopic = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT t.code FROM questions q JOIN topics t ON t.id = q.topic_id WHERE q.id = ANY(:ids)""")
                    .bind("ids", paper.stream().map(DrawnQuestion::questionId).toArray(Long[]::new))
                    .mapTo(String.class).list()).stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            contest.config().paper().quotas().forEach((topic, quota) ->
                    assertTrue(byTopic.getOrDefault(topic, 0L) >= quota, topic + " " + byTopic));
        }
    }

    @Test
    void theDemoIsOpenTodayAndIsBundledInTheJar() throws IOException {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        ContestConfig c = load("demo/contest.yaml", today);
        assertTrue(c.opensAt().toLocalDate().isBefore(today.plusDays(1)) && c.closesAt().toLocalDate().isAfter(today));
        assertEquals(4, c.rounds().size());
        assertTrue(getClass().getClassLoader().getResource(ContestLoader.DEMO) != null, "demo contest bundled");
        assertTrue(getClass().getClassLoader().getResource(ContestLoader.SAMPLE_BANK) != null, "sample bank bundled");
    }
}
