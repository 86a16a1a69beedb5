package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import vn.contest.core.bank.review.ItemWarning;
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

    /** The shipped bank, imported into a fresh database as `import-questions` would. */
    record Imported(Database db, Contest contest, ImportReport report) implements AutoCloseable {
        static Imported bank(byte[] csv) throws IOException {
            Database db = TestDatabase.fresh();
            Contest contest = ContestStore.install(db.jdbi(), load("bac-kan-2023/contest.yaml", LocalDate.now()));
            return new Imported(db, contest, new QuestionImporter(db.jdbi()).importFile(contest, csv));
        }

        @Override
        public void close() {
            db.close();
        }
    }

    static byte[] shippedBank() throws IOException {
        return Files.readAllBytes(EXAMPLES.resolve("bac-kan-2023/questions.csv"));
    }

    /**
     * The item checks (a key much longer than the wrong options, wrong options all absolute, a stem quoting a contest
     * key, practice stating a contest key, near-duplicate stems) find nothing the file has not acknowledged; without its
     * "Ghi chú kiểm tra" column the acknowledged warnings come back, so the column is what silences them.
     */
    @Test
    void theItemChecksReportNothingUnacknowledgedOnTheShippedBank() throws IOException {
        try (Imported shipped = Imported.bank(shippedBank())) {
            assertTrue(shipped.report().ok(), shipped.report().problems().toString());
            assertEquals(List.of(), shipped.report().warnings().stream().map(Object::toString).toList());
        }
        List<org.apache.commons.csv.CSVRecord> rows = sampleBank();
        long acknowledged = rows.stream().filter(r -> !r.get("Ghi chú kiểm tra").isBlank()).count();
        assertTrue(acknowledged > 0, "the bank acknowledges at least one warning");
        String withoutNotes = new String(shippedBank(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Ghi chú kiểm tra", "Ghi chú của người soạn");
        try (Imported bare = Imported.bank(withoutNotes.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            assertFalse(bare.report().ok(), "an unknown column is refused");
        }
        StringBuilder csv = new StringBuilder();
        try (var printer = new org.apache.commons.csv.CSVPrinter(csv, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            List<String> header = rows.get(0).getParser().getHeaderNames().stream().filter(h -> !h.equals("Ghi chú kiểm tra")).toList();
            printer.printRecord(header);
            for (var r : rows) {
                printer.printRecord(header.stream().map(r::get).toList());
            }
        }
        try (Imported bare = Imported.bank(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            assertTrue(bare.report().ok(), bare.report().problems().toString());
            assertEquals(acknowledged, bare.report().warnings().stream().mapToInt(ItemWarning::row).distinct().count(),
                    bare.report().warnings().toString());
        }
    }

    /**
     * Questions on one fact share a "Nhóm": twenty papers drawn from the shipped bank never hold two of a group (the
     * contest's 20-question paper; Nghị định 13/2023 alone has seven contest questions in one group).
     */
    @Test
    void twentyPapersFromTheShippedBankNeverHoldTwoQuestionsOfOneFactGroup() throws IOException {
        try (Imported shipped = Imported.bank(shippedBank())) {
            Contest contest = shipped.contest();
            Map<Long, String> groups = shipped.db().jdbi().withHandle(h -> h.createQuery(
                    "SELECT id, fact_group FROM questions WHERE fact_group IS NOT NULL")
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("fact_group"))).list())
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertTrue(groups.values().stream().distinct().count() >= 10, "the bank names its clusters: " + groups.values());
            PaperDrawer drawer = new PaperDrawer(new java.util.Random(20));
            int groupedDrawn = 0;
            for (int paper = 1; paper <= 20; paper++) {
                List<DrawnQuestion> drawn = shipped.db().jdbi().withHandle(h ->
                        drawer.draw(h, contest, contest.rounds().get(0), contest.rounds().get(0).opensAt()));
                assertEquals(20, drawn.size(), "paper " + paper);
                List<String> drawnGroups = drawn.stream().map(q -> groups.get(q.questionId())).filter(java.util.Objects::nonNull).toList();
                assertEquals(drawnGroups.size(), new java.util.HashSet<>(drawnGroups).size(), "paper " + paper + ": " + drawnGroups);
                groupedDrawn += drawnGroups.size();
            }
            assertTrue(groupedDrawn >= 20, "grouped questions are drawn, one at a time: " + groupedDrawn);
        }
    }

    /** "Pick the longest option" scores no better than chance: the key is strictly the longest in at most a quarter. */
    @Test
    void theKeyIsStrictlyTheLongestOptionNoMoreOftenThanChance() throws IOException {
        List<org.apache.commons.csv.CSVRecord> rows = sampleBank();
        long longest = rows.stream().filter(r -> {
            String key = correctOption(r);
            return java.util.stream.Stream.of("A", "B", "C", "D").map(r::get).filter(o -> !o.isEmpty() && !o.equals(key))
                    .allMatch(o -> o.length() < key.length());
        }).count();
        assertTrue(longest * 4 <= rows.size(), longest + " of " + rows.size());
    }

    /**
     * No explanation leans on anything after the contest closed (30/9/2023): a later date is only ever a law's
     * coming into force, announced before.
     */
    @Test
    void noExplanationCitesAnythingDatedAfterTheContestClosed() throws IOException {
        java.util.regex.Pattern date = java.util.regex.Pattern.compile("(?:(\\d{1,2})/)?(\\d{1,2})/(\\d{4})(?!/)");
        java.time.LocalDate close = LocalDate.of(2023, 9, 30);
        List<String> late = new java.util.ArrayList<>();
        for (var r : sampleBank()) {
            String e = r.get("Giải thích");
            var m = date.matcher(e);
            while (m.find()) {
                int day = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
                int month = Integer.parseInt(m.group(2));
                if (month < 1 || month > 12 || day < 1 || day > 31) {
                    continue;  // a document's number, not a date
                }
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month, Math.min(day, 28));
                String before = e.substring(Math.max(0, m.start() - 40), m.start());
                if (d.isAfter(close) && !before.contains("hiệu lực") && !before.contains("từ ngày")) {
                    late.add("row " + (r.getRecordNumber() + 1) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), late);
    }

    @Test
    void theSampleBankImportsWholeAndPapersMeetTheQuotas() throws IOException {
        try (Database db = TestDatabase.fresh()) {
            Contest contest = ContestStore.install(db.jdbi(), load("bac-kan-2023/contest.yaml", LocalDate.now()));
            ImportReport report = new QuestionImporter(db.jdbi()).importFile(contest, shippedBank());
            assertTrue(report.ok(), report.problems().toString());
            assertTrue(report.imported() >= 120, "at least 120 questions: " + report.imported());
            long practice = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM questions WHERE purpose = 'practice'")
                    .mapTo(Long.class).one());
            assertTrue(practice >= 30, "at least 30 for practice: " + practice);
            List<String> explanations = db.jdbi().withHandle(h -> h.createQuery("SELECT explanation FROM questions").mapTo(String.class).list());
            assertTrue(explanations.stream().allMatch(e -> e.matches(".*(Quyết định|Nghị định|Luật|Nghị quyết|Thông tư|Chỉ thị|Văn bản|Bộ|Cục|Cẩm nang|Ủy ban|NAPAS|Ngân hàng|Cổng|Bảo hiểm xã hội|Công an).*")),
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
