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
}
