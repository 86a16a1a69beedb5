package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A drafting-team account uploads what would have run the server out of memory: a 2.5 MB .xlsx that unpacks
 * into 140,000 rows, a small .xlsx whose shared strings unpack into millions, a 4 MB .xlsx whose one inline
 * cell unpacks into 300 MB, and a 50 MB CSV. This class runs in its own JVM with -Xmx256m (see app/pom.xml): each
 * file gets a Vietnamese message, and the server goes on.
 */
class UploadLimitsTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("upload_limits", Clock.systemUTC());
        app.admin().users().create("soan-thao", vn.contest.admin.auth.Role.DRAFTER, "Ngan-Hang-Cau-Hoi-7");
    }

    static AdminClient drafter() {
        AdminClient c = new AdminClient(app.port());
        assertEquals(303, c.login("soan-thao", "Ngan-Hang-Cau-Hoi-7").statusCode());
        return c;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> upload(AdminClient admin, String filename, InputStream content) throws Exception {
        String boundary = "----contest" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + admin.csrf() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        InputStream body = new SequenceInputStream(new SequenceInputStream(
                new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), content),
                new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
        return admin.multipart("/admin/questions/import", boundary, () -> body);
    }

    static byte[] hugeSheet(int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Câu hỏi");
            var header = sheet.createRow(0);
            String[] titles = {"Chủ đề", "Câu hỏi", "A", "B", "Đáp án"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("chung");
                row.createCell(1).setCellValue("Câu hỏi số " + r + "?");
                row.createCell(2).setCellValue("Có");
                row.createCell(3).setCellValue("Không");
                row.createCell(4).setCellValue("A");
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /**
     * A valid one-question .xlsx whose shared-strings part also lists {@code extra} strings of 202 characters:
     * 250 MB of text that compress into a few MB, not so well that POI's zip-bomb ratio check sees them.
     */
    static byte[] sharedStringsBomb(int extra) throws IOException {
        byte[] plain;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Câu hỏi");
            String[][] cells = {{"Chủ đề", "Câu hỏi", "A", "B", "Đáp án"}, {"chung", "Một câu hỏi?", "Có", "Không", "A"}};
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            wb.write(out);
            plain = out.toByteArray();
        }
        var random = new java.util.Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String tail = "x".repeat(200); // the same in every string, so it packs into a few bytes each time
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(plain));
                var out = new java.util.zip.ZipOutputStream(bomb)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (!entry.getName().equals("xl/sharedStrings.xml")) {
                    out.write(content);
                    continue;
                }
                String xml = new String(content, StandardCharsets.UTF_8);
                int end = xml.lastIndexOf("</sst>");
                out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < extra; i++) {
                    chunk.append("<si><t>").append(alphabet.charAt(random.nextInt(62))).append(alphabet.charAt(random.nextInt(62)))
                            .append(tail).append("</t></si>");
                    if (chunk.length() > 64_000) {
                        out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                        chunk.setLength(0);
                    }
                }
                out.write((chunk + "</sst>").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bomb.toByteArray();
    }

    /**
     * A one-question .xlsx whose question cell is an inline string ({@code t="inlineStr"}, in the sheet itself,
     * not the shared strings) of {@code megabytes} of text, packed at about 1.4%: just above POI's zip-bomb
     * floor of 1%, so only our own limits stand in the way. 300 MB make a file of about 4 MB.
     */
    static byte[] inlineStringBomb(int megabytes) throws IOException {
        byte[] plain;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Câu hỏi").createRow(0).createCell(0).setCellValue("Chủ đề");
            wb.write(out);
            plain = out.toByteArray();
        }
        var random = new java.util.Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String tail = "x".repeat(300);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(plain));
                var out = new java.util.zip.ZipOutputStream(bomb)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(content);
                    continue;
                }
                StringBuilder head = new StringBuilder("""
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
                String[] titles = {"Chủ đề", "Câu hỏi", "A", "B", "Đáp án"};
                for (int c = 0; c < titles.length; c++) {
                    head.append(inline((char) ('A' + c) + "1", titles[c]));
                }
                head.append("</row><row r=\"2\">").append(inline("A2", "chung")).append("<c r=\"B2\" t=\"inlineStr\"><is><t>");
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                StringBuilder chunk = new StringBuilder();
                for (long written = 0; written < megabytes * 1024L * 1024L; written += 2 + tail.length()) {
                    chunk.append(alphabet.charAt(random.nextInt(62))).append(alphabet.charAt(random.nextInt(62))).append(tail);
                    if (chunk.length() > 64_000) {
                        out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                        chunk.setLength(0);
                    }
                }
                out.write((chunk + "</t></is></c>" + inline("C2", "Có") + inline("D2", "Không") + inline("E2", "A")
                        + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bomb.toByteArray();
    }

    private static String inline(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** A CSV of {@code megabytes}, made as it is sent. */
    static InputStream csv(int megabytes) {
        byte[] line = "chung,Câu hỏi rất dài để làm đầy tệp?,Có,Không,A\n".getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long left = megabytes * 1024L * 1024L;
            int at;

            @Override
            public int read() {
                if (left-- <= 0) {
                    return -1;
                }
                int b = line[at];
                at = (at + 1) % line.length;
                return b;
            }
        };
    }

    @Test
    void aSmallXlsxOfAHundredAndFortyThousandRowsIsRefusedWithoutExhaustingMemory() throws Exception {
        byte[] sheet = hugeSheet(140_000);
        assertTrue(sheet.length < 4 * 1024 * 1024, "small on the wire: " + sheet.length);
        HttpResponse<String> r = upload(drafter(), "ngan-hang.xlsx", new java.io.ByteArrayInputStream(sheet));
        assertEquals(422, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        assertTrue(r.body().contains("hơn 10000 dòng"), "told plainly");
        assertEquals(200, new WebClient(app.port()).raw("GET", "/health", null).statusCode(), "the server goes on");
        long questions = app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM questions WHERE text LIKE 'Câu hỏi số %'")
                .mapTo(Long.class).one());
        assertEquals(0, questions, "nothing of the file was imported");
    }

    @Test
    void anXlsxWhoseSharedStringsUnpackIntoMillionsIsRefusedWithoutExhaustingMemory() throws Exception {
        byte[] file = sharedStringsBomb(1_200_000);
        assertTrue(file.length < AppConfig.DEFAULT_MAX_UPLOAD_MB * 1024 * 1024, "under the upload limit: " + file.length);
        HttpResponse<String> r = upload(drafter(), "nhieu-chu.xlsx", new java.io.ByteArrayInputStream(file));
        assertEquals(422, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        assertTrue(r.body().contains("quá nhiều chữ"), () -> "told plainly, not " + r.body().substring(Math.max(0, r.body().indexOf("Tệp Excel") - 100)));
        assertEquals(200, new WebClient(app.port()).raw("GET", "/health", null).statusCode(), "the server goes on");
    }

    @Test
    void anXlsxWhoseOneInlineCellUnpacksIntoThreeHundredMegabytesIsRefusedByRowAndColumn() throws Exception {
        byte[] file = inlineStringBomb(300);
        assertTrue(file.length < 5 * 1024 * 1024, "about 4 MB on the wire: " + file.length);
        HttpResponse<String> r = upload(drafter(), "o-khong-lo.xlsx", new java.io.ByteArrayInputStream(file));
        assertEquals(422, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        assertTrue(r.body().contains("<td class=\"n\">2</td><td>Câu hỏi</td><td>ô B2 có hơn 32.767 ký tự"),
                () -> "told where: row 2, the question's column, cell B2: " + r.body().substring(Math.max(0, r.body().indexOf("id=\"problems\""))));
        assertEquals(200, new WebClient(app.port()).raw("GET", "/health", null).statusCode(), "the server goes on");
    }

    @Test
    void aFiftyMegabyteCsvIsRefusedWhileItArrives() throws Exception {
        HttpResponse<String> r = upload(drafter(), "qua-lon.csv", csv(50));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("lớn hơn 10 MB"), r.body());
        assertEquals(200, new WebClient(app.port()).raw("GET", "/health", null).statusCode(), "the server goes on");
    }
}
