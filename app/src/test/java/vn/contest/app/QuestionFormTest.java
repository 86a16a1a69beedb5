package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.admin.auth.Role;

/** The drafting team adds and edits single questions; a graded paper never changes. */
class QuestionFormTest {
    static App app;
    static AdminClient drafter;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("question_form", Clock.systemUTC());
        app.admin().users().create("soan-thao", Role.DRAFTER, "Drafter-Password");
        drafter = new AdminClient(app.port());
        assertEquals(303, drafter.login("soan-thao", "Drafter-Password").statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, String> form(String text, String a, String b, String c, String answer) {
        Map<String, String> f = new HashMap<>(Map.of("topic", "an-toan", "text", text, "optionA", a, "optionB", b, "optionC", c,
                "answer", answer, "explanation", "Khuyến nghị của Cục An toàn thông tin"));
        f.put("optionD", "");
        return f;
    }

    @Test
    void aBadQuestionIsExplainedAndAGoodOneIsAdded() {
        HttpResponse<String> bad = drafter.post("/admin/questions/new", form("Nên làm gì khi nhận liên kết lạ?", "Không bấm", "", "Bấm ngay", "A"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("phương án đứng trước còn trống"), bad.body());
        HttpResponse<String> good = drafter.post("/admin/questions/new", form("Nên làm gì khi nhận liên kết lạ?", "Không bấm", "Bấm ngay", "", "A"));
        assertEquals(303, good.statusCode(), good.body());
        long stored = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM questions WHERE text = 'Nên làm gì khi nhận liên kết lạ?'").mapTo(Long.class).one());
        assertEquals(1, stored);
        assertEquals(400, drafter.post("/admin/questions/new", form("nên làm gì khi nhận liên kết lạ", "X", "Y", "", "A")).statusCode(),
                "the same question twice is refused");
    }

    @Test
    void editingAQuestionLeavesGradedPapersAsTheyWere() {
        WebClient person = new WebClient(app.port());
        person.register("Tạ Văn Chấm", "01/01/1990", "0912000666", 2, "1");
        person.tap(person.token("Bắt đầu thi"));
        JsonNode first = person.lastQuestion();
        String[] token = first.get("choices").get(0).get("token").asText().split(":");
        long attemptId = Long.parseLong(token[1]);
        for (int i = 0; i < 10; i++) {
            JsonNode q = person.lastQuestion();
            person.tap(q.get("choices").get(0).get("token").asText());
        }
        person.send("100");
        Map<String, Object> before = app.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT aq.question_id, aq.text, aq.options::text AS options, aq.correct_index, a.score
                FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id WHERE aq.attempt_id = :a AND aq.position = 0""")
                .bind("a", attemptId).mapToMap().one());
        long questionId = ((Number) before.get("question_id")).longValue();
        HttpResponse<String> edit = drafter.post("/admin/questions/" + questionId + "/edit",
                form("Câu hỏi đã được sửa lại hoàn toàn?", "Một", "Hai", "Ba", "C"));
        assertEquals(303, edit.statusCode(), edit.body());
        Map<String, Object> after = app.database().jdbi().withHandle(h -> h.createQuery("""
                SELECT aq.question_id, aq.text, aq.options::text AS options, aq.correct_index, a.score
                FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id WHERE aq.attempt_id = :a AND aq.position = 0""")
                .bind("a", attemptId).mapToMap().one());
        assertEquals(before, after, "the paper keeps its snapshot and its score");
        String bank = app.database().jdbi().withHandle(h -> h.createQuery("SELECT text FROM questions WHERE id = :id").bind("id", questionId)
                .mapTo(String.class).one());
        assertEquals("Câu hỏi đã được sửa lại hoàn toàn?", bank);
        assertTrue(drafter.get("/admin/questions/" + questionId + "/edit").body().contains("Câu hỏi đã được sửa lại hoàn toàn?"));

        Map<String, String> toPractice = form("Câu hỏi đã được sửa lại hoàn toàn?", "Một", "Hai", "Ba", "C");
        toPractice.put("purpose", "luyện tập");
        HttpResponse<String> refused = drafter.post("/admin/questions/" + questionId + "/edit", toPractice);
        assertEquals(400, refused.statusCode(), "a paper has shown it: practice would give its key to everyone");
        assertTrue(refused.body().contains("không đổi được mục đích sử dụng"), refused.body());
    }

    @Test
    void aQuestionNobodyHasSeenMayMoveToPractice() {
        Map<String, String> f = form("Khi nào nên cập nhật phần mềm điện thoại?", "Khi có bản vá bảo mật", "Không bao giờ", "", "A");
        assertEquals(303, drafter.post("/admin/questions/new", f).statusCode());
        long id = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM questions WHERE text = 'Khi nào nên cập nhật phần mềm điện thoại?'").mapTo(Long.class).one());
        f.put("purpose", "luyện tập");
        assertEquals(303, drafter.post("/admin/questions/" + id + "/edit", f).statusCode());
        assertEquals("practice", app.database().jdbi().withHandle(h -> h.createQuery("SELECT purpose FROM questions WHERE id = :id")
                .bind("id", id).mapTo(String.class).one()));
        assertTrue(drafter.get("/admin/questions/" + id + "/edit").body().contains("value=\"luyện tập\" selected"),
                "the form shows the question's use");
    }

    static HttpResponse<String> importFile(String filename, String content) {
        String boundary = "----contest" + java.util.UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + drafter.csrf() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return drafter.multipart("/admin/questions/import", boundary, () -> new java.io.ByteArrayInputStream(bytes));
    }

    @Test
    void anImportWithACueGoesThroughAndTheDraftingTeamSeesEachWarningBesideItsRow() {
        String csv = """
                Chủ đề,Câu hỏi,A,B,C,D,Đáp án,Nhóm,Ghi chú kiểm tra
                an-toan,Khi rời máy tính ở phòng làm việc chung nên làm gì?,Khóa màn hình máy tính bằng mật khẩu trước khi rời khỏi chỗ ngồi,Tắt màn hình,Để nguyên,Tắt loa,A,Thói quen bảo mật,
                an-toan,Khi rời máy tính ở quầy thư viện nên làm gì?,Đăng xuất mọi tài khoản đã đăng nhập trên máy tính dùng chung đó,Tắt màn hình,Để nguyên,Tắt loa,A,thói quen BẢO MẬT ,đáp án dài: nguyên văn nội quy
                an-toan,Nên đặt mật khẩu thư điện tử công vụ thế nào?,"Dài, có chữ hoa, chữ thường, số và ký hiệu","Ngày, tháng, năm sinh của mình viết liền",Tên cơ quan viết liền với năm thành lập,Số điện thoại di động đang dùng hằng ngày,A,,
                """;
        HttpResponse<String> r = importFile("canh-bao.csv", csv);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Đã nhập 3 câu hỏi từ tệp canh-bao.csv"), r.body());
        String warnings = r.body().substring(r.body().indexOf("id=\"warnings\""));
        assertTrue(warnings.contains("<td class=\"n\">2</td><td>đáp án dài</td>"), warnings);
        assertTrue(!warnings.contains("<td class=\"n\">3</td>"), "row 3 acknowledged its long key; the two share a group");
        assertTrue(!warnings.contains("<td class=\"n\">4</td>"), warnings);
        java.util.List<String> groups = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT coalesce(fact_group, '-') FROM questions WHERE text LIKE 'Khi rời máy tính%' OR text LIKE 'Nên đặt mật khẩu thư%' ORDER BY id")
                .mapTo(String.class).list());
        assertEquals(java.util.List.of("Thói quen bảo mật", "thói quen BẢO MẬT", "-"), groups);

        HttpResponse<String> typo = importFile("sai-ten.csv", "Chủ đề,Câu hỏi,A,B,Đáp án,Ghi chú kiểm tra\n"
                + "an-toan,Có nên dùng chung mật khẩu cho mọi tài khoản?,Không nên,Nên,A,đáp án hay\n");
        assertEquals(422, typo.statusCode());
        assertTrue(typo.body().contains("\"đáp án hay\" không phải tên một kiểm tra"), typo.body());
    }

    @Test
    void theFormCarriesTheFactGroupAndTheAcknowledgedChecks() {
        Map<String, String> f = form("Nên sao lưu dữ liệu cơ quan ra đâu?", "Thiết bị tách biệt", "Cùng ổ đĩa", "", "A");
        f.put("factGroup", "Sao lưu");
        f.put("checkNotes", "gần trùng");
        assertEquals(303, drafter.post("/admin/questions/new", f).statusCode());
        Map<String, Object> stored = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id, fact_group, check_notes FROM questions WHERE text = 'Nên sao lưu dữ liệu cơ quan ra đâu?'").mapToMap().one());
        assertEquals("Sao lưu", stored.get("fact_group"));
        assertEquals("gần trùng", stored.get("check_notes"));
        String edit = drafter.get("/admin/questions/" + stored.get("id") + "/edit").body();
        assertTrue(edit.contains("name=\"factGroup\" size=\"40\" value=\"Sao lưu\""), edit);
        f.put("checkNotes", "chưa có kiểm tra này");
        HttpResponse<String> bad = drafter.post("/admin/questions/" + stored.get("id") + "/edit", f);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("không phải tên một kiểm tra"), bad.body());
    }
}
