package vn.contest.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Contest;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

class QuestionImporterTest {
    static Database db;
    static Contest contest;
    static QuestionImporter importer;

    static final String HEADER = "Chủ đề,Câu hỏi,A,B,C,D,Đáp án,Giải thích\n";

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

    static int bankSize() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM questions").mapTo(Integer.class).one());
    }

    static ImportReport csv(String body) {
        return importer.importFile(contest, (HEADER + body).getBytes(StandardCharsets.UTF_8));
    }

    static void assertProblem(ImportReport report, int row, String column, String fragment) {
        assertTrue(report.problems().stream().anyMatch(p -> p.row() == row
                        && (column == null ? p.column() == null : column.equals(p.column())) && p.message().contains(fragment)),
                "expected row " + row + ", column " + column + " \"" + fragment + "\" in " + report.problems());
    }

    @Test
    void everyBadRowIsReportedByRowAndColumnAndNothingIsImported() {
        int before = bankSize();
        ImportReport report = csv("""
                luat,Câu hợp lệ số một?,Có,Không,,,A,Nguồn
                ,Thiếu chủ đề?,Có,Không,,,A,
                thien-van,Chủ đề lạ?,Có,Không,,,A,
                luat,,Có,Không,,,A,
                luat,Chỉ một phương án?,Có,,,,A,
                luat,Phương án nhảy cóc?,Có,Không,,Bốn,A,
                luat,Phương án trùng?,Có,có,,,A,
                luat,Không có đáp án?,Có,Không,,,,
                luat,Đáp án lạ?,Có,Không,,,X1,
                luat,Đáp án trỏ vào ô trống?,Có,Không,,,D,
                luat,Câu hợp lệ số một?,Có,Không,,,B,
                """);
        assertEquals(0, report.imported());
        assertProblem(report, 3, "Chủ đề", "chưa ghi chủ đề");
        assertProblem(report, 4, "Chủ đề", "không có trong cuộc thi");
        assertProblem(report, 5, "Câu hỏi", "chưa có nội dung");
        assertProblem(report, 6, "B", "ít nhất hai phương án");
        assertProblem(report, 7, "D", "phương án đứng trước còn trống");
        assertProblem(report, 8, "B", "trùng với một phương án khác");
        assertProblem(report, 9, "Đáp án", "chưa ghi đáp án");
        assertProblem(report, 10, "Đáp án", "không phải một chữ cái");
        assertProblem(report, 11, "Đáp án", "phương án trống");
        assertProblem(report, 12, "Câu hỏi", "trùng với câu hỏi ở dòng 2");
        assertEquals(before, bankSize(), "the valid row 2 was not imported either");
        assertTrue(report.problems().get(0).toString().startsWith("Dòng 3, cột Chủ đề:"), report.problems().get(0).toString());
    }

    @Test
    void aMissingOrUnknownColumnIsReportedOnTheHeaderRow() {
        ImportReport report = importer.importFile(contest,
                "Chủ đề,Nội dung,A,B,Ghi chú\nluat,Câu?,Có,Không,x\n".getBytes(StandardCharsets.UTF_8));
        assertProblem(report, 1, "Đáp án", "thiếu cột bắt buộc");
        assertProblem(report, 1, "Ghi chú", "tên cột không nhận ra");
    }

    @Test
    void optionsThatDifferOnlyInDiacriticsAreDifferentAnswers() {
        ImportReport report = csv("chung,Thủ phủ tỉnh là nơi nào theo hướng địa lý?,Nam,Năm,Nắm,,A,\n");
        assertTrue(report.ok(), report.problems().toString());
    }

    @Test
    void aQuestionAlreadyInTheBankIsReported() {
        ImportReport report = csv("luat,Luật thử nghiệm số 1 có hiệu lực năm nào?,2019,2020,,,A,\n");
        assertProblem(report, 2, "Câu hỏi", "đã có trong ngân hàng");
    }

    @Test
    void aFileInAnotherEncodingOrEmptyIsRefusedClearly() {
        byte[] latin = (HEADER + "luat,Câu hỏi tiếng Việt?,Có,Không,,,A,\n").getBytes(Charset.forName("windows-1258"));
        assertProblem(importer.importFile(contest, latin), 1, null, "UTF-8");
        assertProblem(importer.importFile(contest, new byte[0]), 1, null, "Tệp trống");
        assertProblem(importer.importFile(contest, new byte[] {'P', 'K', 3, 4, 0, 0}), 1, null, "Không đọc được tệp Excel");
    }

    @Test
    void importsSemicolonCsvWithBomQuotedCellsAndTypedAnswers() {
        int before = bankSize();
        String body = "\uFEFFChủ đề;Câu hỏi;A;B;C;Đáp án;Giải thích\n"
                + "Pháp luật;\"Câu có dấu chấm phẩy; và xuống\ndòng?\";Một;Hai;Ba;đáp án C;Nguồn: thử\n"
                + "ky-nang;Câu thứ hai?;Một;Hai;;b.;\n";
        ImportReport report = importer.importFile(contest, body.getBytes(StandardCharsets.UTF_8));
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(2, report.imported());
        assertEquals(before + 2, bankSize());
        String correct = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT o.text FROM question_options o JOIN questions q ON q.id = o.question_id
                WHERE q.text LIKE 'Câu có dấu chấm phẩy%' AND o.correct""").mapTo(String.class).one());
        assertEquals("Ba", correct);
    }

    @Test
    void importsAnXlsxAndReportsItsBadRowsTheSameWay() throws IOException {
        byte[] bad = xlsx(List.of(
                List.of("Chủ đề", "Câu hỏi", "A", "B", "C", "Đáp án", "Giải thích"),
                List.of("chung", "Excel câu một?", "Có", "Không", "", "A", "Nguồn"),
                List.of("chung", "Excel câu hai?", "Có", "Không", "", "C", "Nguồn")));
        ImportReport report = importer.importFile(contest, bad);
        assertEquals(0, report.imported());
        assertProblem(report, 3, "Đáp án", "phương án trống");
        byte[] good = xlsx(List.of(
                List.of("Chủ đề", "Câu hỏi", "A", "B", "C", "Đáp án", "Giải thích"),
                List.of("chung", "Excel câu một?", "Có", "Không", "", "A", "Nguồn"),
                List.of("Kiến thức chung", "Excel câu hai?", "Có", "Không", "Có thể", "C", "Nguồn")));
        int before = bankSize();
        report = importer.importFile(contest, good);
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(before + 2, bankSize());
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Câu hỏi");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
