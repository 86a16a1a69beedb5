package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `import-questions FILE` on the app's own embedded database: row-and-column errors, then a clean import. */
class ImportQuestionsCommandTest {

    @Test
    void reportsBadRowsImportsNothingThenImportsTheFixedFile(@TempDir Path data) throws Exception {
        AppConfig config = new AppConfig("127.0.0.1", 0, data, null, null, null, null);
        Path file = Files.createTempFile("bank", ".csv");
        Files.writeString(file, "Chủ đề,Câu hỏi,A,B,Đáp án\nan-toan,Câu hỏi mới về mật khẩu?,Dài,Ngắn,A\nan-toan,Câu hỏi thiếu đáp án?,Có,Không,\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int failed;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            failed = Main.importQuestions(config, file);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, failed);
        assertTrue(printed.contains("Dòng 3, cột Đáp án: chưa ghi đáp án đúng"), printed);
        assertTrue(printed.contains("Không nhập câu hỏi nào"), printed);

        Files.writeString(file, "Chủ đề,Câu hỏi,A,B,Đáp án\nan-toan,Câu hỏi mới về mật khẩu?,Dài,Ngắn,A\nan-toan,Câu hỏi đã có đáp án?,Có,Không,A\n");
        assertEquals(0, Main.importQuestions(config, file));
        try (App app = App.start(config, java.time.Clock.systemUTC())) {
            long count = app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM questions WHERE text IN ('Câu hỏi mới về mật khẩu?', 'Câu hỏi đã có đáp án?')").mapTo(Long.class).one());
            assertEquals(2, count);
        }
    }

    @Test
    void anAikenFileTakesTheTopicGivenOnTheCommandLine(@TempDir Path data) throws Exception {
        AppConfig config = new AppConfig("127.0.0.1", 0, data, null, null, null, null);
        Path file = Files.createTempFile("bank", ".txt");
        Files.writeString(file, "Cổng Dịch vụ công quốc gia có địa chỉ nào?\nA. dichvucong.gov.vn\nB. dichvu.vn\nANSWER: A\n");
        assertEquals(1, Main.importQuestions(config, file), "an Aiken file names no topic");
        assertEquals(0, Main.importQuestions(config, file, "an-toan"));
        try (App app = App.start(config, java.time.Clock.systemUTC())) {
            String topic = app.database().jdbi().withHandle(h -> h.createQuery("""
                    SELECT t.code FROM questions q JOIN topics t ON t.id = q.topic_id
                    WHERE q.text = 'Cổng Dịch vụ công quốc gia có địa chỉ nào?'""").mapTo(String.class).one());
            assertEquals("an-toan", topic);
        }
    }

    @Test
    void warningsArePrintedBesideTheirRowsAndTheFileIsStillImported(@TempDir Path data) throws Exception {
        AppConfig config = new AppConfig("127.0.0.1", 0, data, null, null, null, null);
        Path file = Files.createTempFile("bank", ".csv");
        Files.writeString(file, "Chủ đề,Câu hỏi,A,B,C,D,Đáp án\n"
                + "an-toan,Thư lạ đòi mở tệp đính kèm gấp thì nên làm gì?,Không mở tệp và báo cho bộ phận công nghệ thông tin của cơ quan,"
                + "Mở ngay,Chuyển tiếp,Trả lời thư,A\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.importQuestions(config, file);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("Đã nhập 1 câu hỏi"), printed);
        assertTrue(printed.contains("1 cảnh báo") && printed.contains("Dòng 2 (đáp án dài): đáp án dài"), printed);
    }
}
