package vn.contest.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The bounds on an .xlsx's own text, without a database: a cell past Excel's 32,767 characters is named by row,
 * column and reference, whether its text comes in one run or in many (rich text runs of an inline string).
 * The 300 MB cell of the probe is in app's UploadLimitsTest, at -Xmx256m.
 */
class SheetLimitsTest {
    /** A question file whose sheet is {@code rowTwo} after the header row, every cell an inline string. */
    static byte[] xlsx(String rowTwo) throws IOException {
        byte[] plain;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Câu hỏi").createRow(0).createCell(0).setCellValue("Chủ đề");
            wb.write(out);
            plain = out.toByteArray();
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain)); ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<sheetData><row r=\"1\">" + cell("A1", "Chủ đề") + cell("B1", "Câu hỏi") + cell("C1", "A") + cell("D1", "B")
                            + cell("E1", "Đáp án") + "</row><row r=\"2\">" + rowTwo + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
            }
        }
        return file.toByteArray();
    }

    static String cell(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    @Test
    void aCellPastExcelsLimitIsNamedByRowColumnAndReference() throws IOException {
        QuestionSheet sheet = QuestionFileReader.read(xlsx(cell("A2", "chung") + cell("B2", "ư".repeat(40_000)) + cell("C2", "Có")));
        assertEquals(1, sheet.problems().size(), sheet.problems().toString());
        ImportProblem p = sheet.problems().get(0);
        assertEquals(2, p.row());
        assertEquals("Câu hỏi", p.column());
        assertTrue(p.message().startsWith("ô B2 có hơn 32.767 ký tự"), p.message());
    }

    @Test
    void manyShortRunsOfOneCellAreCountedTogether() throws IOException {
        String runs = "<r><t>" + "a".repeat(1_000) + "</t></r>";
        QuestionSheet sheet = QuestionFileReader.read(xlsx(cell("A2", "chung")
                + "<c r=\"C2\" t=\"inlineStr\"><is>" + runs.repeat(40) + "</is></c>"));
        assertEquals(1, sheet.problems().size(), sheet.problems().toString());
        assertEquals("A", sheet.problems().get(0).column());
        assertTrue(sheet.problems().get(0).message().startsWith("ô C2"), sheet.problems().toString());
    }

    @Test
    void anOrdinaryLongCellIsRead() throws IOException {
        QuestionSheet sheet = QuestionFileReader.read(xlsx(cell("A2", "chung") + cell("B2", "Câu hỏi dài " + "ư".repeat(3_000) + "?")
                + cell("C2", "Có") + cell("D2", "Không") + cell("E2", "A")));
        assertTrue(sheet.problems().isEmpty(), sheet.problems().toString());
        assertEquals(1, sheet.rows().size());
    }
}
