package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.AdminRoute;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.admin.Xlsx;
import vn.contest.admin.auth.Area;
import vn.contest.core.bank.ImportProblem;
import vn.contest.core.bank.ImportReport;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Topic;

/**
 * The question bank: search and filter, item statistics once papers exist (facility: share of papers that
 * got the item right; discrimination: that share among the top 27% of papers minus the bottom 27%), import
 * (.xlsx, .csv, Moodle GIFT or Aiken) with every bad row shown, disable and enable, export in the import format.
 */
public final class QuestionsPage {
    static final int PAGE_SIZE = 50;
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final QuestionImporter importer;

    public QuestionsPage(Jdbi jdbi, Supplier<Contest> live) {
        this.jdbi = jdbi;
        this.live = live;
        this.importer = new QuestionImporter(jdbi);
    }

    public record Row(long id, String topic, String text, List<String> options, char correct, boolean active,
                      long answered, String facility, String discrimination, boolean flagged) {}

    public record View(Page page, List<Row> rows, List<Topic> topics, String q, String topic, int pageNo, boolean hasMore,
                       long total, List<ImportProblem> problems, String notice) {}

    private Contest contest() {
        return live.get();
    }

    public void addTo(List<AdminRoute> routes) {
        routes.add(new AdminRoute(HandlerType.GET, "/admin/questions", Area.BANK, this::list));
        routes.add(new AdminRoute(HandlerType.POST, "/admin/questions/import", Area.BANK, this::importFile));
        routes.add(new AdminRoute(HandlerType.POST, "/admin/questions/{id}/active", Area.BANK, this::toggle));
        routes.add(new AdminRoute(HandlerType.GET, "/admin/questions/export.xlsx", Area.BANK, this::export));
    }

    private void list(Context ctx) {
        ctx.html(render(ctx, List.of(), ctx.queryParam("notice")));
    }

    private String render(Context ctx, List<ImportProblem> problems, String notice) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String topic = ctx.queryParam("topic") == null ? "" : ctx.queryParam("topic");
        int pageNo = parsePage(ctx.queryParam("page"));
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                WITH ranked AS (
                    SELECT id, percent_rank() OVER (ORDER BY score) AS pr FROM attempts WHERE contest_id = :c AND status = 'finished'
                ), stats AS (
                    SELECT aq.question_id, count(*) AS n,
                           avg(CASE WHEN aq.chosen_index = aq.correct_index THEN 1.0 ELSE 0 END) AS facility,
                           avg(CASE WHEN aq.chosen_index = aq.correct_index THEN 1.0 ELSE 0 END) FILTER (WHERE r.pr >= 0.73)
                         - avg(CASE WHEN aq.chosen_index = aq.correct_index THEN 1.0 ELSE 0 END) FILTER (WHERE r.pr <= 0.27) AS discrimination
                    FROM attempt_questions aq JOIN ranked r ON r.id = aq.attempt_id GROUP BY aq.question_id
                )
                SELECT q.id, t.name AS topic, q.text, q.active,
                       array_agg(o.text ORDER BY o.position) AS options,
                       (array_agg(o.position ORDER BY o.position) FILTER (WHERE o.correct))[1] AS correct,
                       coalesce(s.n, 0) AS n, s.facility, s.discrimination
                FROM questions q JOIN topics t ON t.id = q.topic_id JOIN question_options o ON o.question_id = q.id
                LEFT JOIN stats s ON s.question_id = q.id
                WHERE q.contest_id = :c AND (:q = '' OR q.text ILIKE '%' || :q || '%') AND (:topic = '' OR t.code = :topic)
                GROUP BY q.id, t.name, s.n, s.facility, s.discrimination
                ORDER BY q.id LIMIT :limit OFFSET :offset""")
                .bind("c", contest().id()).bind("q", q).bind("topic", topic)
                .bind("limit", PAGE_SIZE + 1).bind("offset", (pageNo - 1) * PAGE_SIZE)
                .map((rs, c) -> {
                    Double facility = (Double) toDouble(rs.getObject("facility"));
                    Double discrimination = (Double) toDouble(rs.getObject("discrimination"));
                    long n = rs.getLong("n");
                    // A question most get wrong, or that the weaker papers get right as often as the stronger ones.
                    boolean flagged = n >= 20 && ((facility != null && (facility < 0.2 || facility > 0.97))
                            || (discrimination != null && discrimination < 0.1));
                    return new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("text"),
                            List.of((String[]) rs.getArray("options").getArray()), (char) ('A' + rs.getInt("correct")),
                            rs.getBoolean("active"), n, facility == null ? "—" : String.format(Locale.ROOT, "%.0f%%", facility * 100),
                            discrimination == null ? "—" : String.format(Locale.ROOT, "%.2f", discrimination), flagged);
                }).list());
        long total = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM questions WHERE contest_id = :c").bind("c", contest().id())
                .mapTo(Long.class).one());
        boolean more = rows.size() > PAGE_SIZE;
        return Templates.render("questions.jte", new View(AdminContext.page(ctx, contest(), "Ngân hàng câu hỏi", "questions"),
                more ? rows.subList(0, PAGE_SIZE) : rows, contest().topics(), q, topic, pageNo, more, total, problems, notice));
    }

    private static Object toDouble(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private void importFile(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, List.of(new ImportProblem(1, null, "chưa chọn tệp để nhập.")), null));
            return;
        }
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readAllBytes();
        }
        ImportReport report = importer.importFile(contest(), content, file.filename(), ctx.formParam("defaultTopic"));
        if (!report.ok()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(render(ctx, report.problems(), null));
            return;
        }
        jdbi.useHandle(h -> Audit.record(h, AdminContext.user(ctx), "Nhập câu hỏi", file.filename(), null,
                Map.of("imported", report.imported())));
        ctx.redirect("/admin/questions?notice=" + java.net.URLEncoder.encode("Đã nhập " + report.imported() + " câu hỏi từ tệp "
                + file.filename() + ".", java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    /** Disabling keeps the question (graded papers point at it) but stops drawing it. */
    private void toggle(Context ctx) {
        long id = parseId(ctx);
        boolean active = "true".equals(ctx.formParam("active"));
        int changed = jdbi.inTransaction(h -> {
            Boolean before = h.createQuery("SELECT active FROM questions WHERE id = :id AND contest_id = :c FOR UPDATE")
                    .bind("id", id).bind("c", contest().id()).mapTo(Boolean.class).findOne().orElse(null);
            if (before == null) {
                return 0;
            }
            h.execute("UPDATE questions SET active = ?, updated_at = now() WHERE id = ?", active, id);
            Audit.record(h, AdminContext.user(ctx), active ? "Bật câu hỏi" : "Tắt câu hỏi", "câu hỏi " + id,
                    Map.of("active", before), Map.of("active", active));
            return 1;
        });
        if (changed == 0) {
            ctx.status(HttpStatus.NOT_FOUND).result("Không có câu hỏi này.");
            return;
        }
        ctx.redirect("/admin/questions", HttpStatus.SEE_OTHER);
    }

    private void export(Context ctx) {
        List<List<Object>> rows = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT t.code, q.text, q.explanation, array_agg(o.text ORDER BY o.position) AS options,
                       (array_agg(o.position ORDER BY o.position) FILTER (WHERE o.correct))[1] AS correct
                FROM questions q JOIN topics t ON t.id = q.topic_id JOIN question_options o ON o.question_id = q.id
                WHERE q.contest_id = :c GROUP BY q.id, t.code ORDER BY q.id""").bind("c", contest().id())
                .map((rs, c) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getString("code"));
                    row.add(rs.getString("text"));
                    String[] options = (String[]) rs.getArray("options").getArray();
                    for (int i = 0; i < 6; i++) {
                        row.add(i < options.length ? options[i] : "");
                    }
                    row.add(String.valueOf((char) ('A' + rs.getInt("correct"))));
                    row.add(rs.getString("explanation"));
                    return row;
                }).forEach(rows::add));
        try (Xlsx x = new Xlsx()) {
            byte[] bytes = x.sheet("Câu hỏi", List.of("Chủ đề", "Câu hỏi", "A", "B", "C", "D", "E", "F", "Đáp án", "Giải thích"), rows).bytes();
            ctx.header("Content-Disposition", "attachment; filename=\"ngan-hang-cau-hoi.xlsx\"").contentType(Xlsx.CONTENT_TYPE).result(bytes);
        }
    }

    static int parsePage(String s) {
        return s != null && s.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(s)) : 1;
    }

    static long parseId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) {
            throw new io.javalin.http.BadRequestResponse("Mã không hợp lệ.");
        }
        return Long.parseLong(id);
    }
}
