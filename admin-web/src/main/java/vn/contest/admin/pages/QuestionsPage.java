package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.admin.Xlsx;
import vn.contest.core.attempt.ShownKeys;
import vn.contest.core.bank.ImportProblem;
import vn.contest.core.bank.ImportReport;
import vn.contest.core.bank.QuestionBankQueries;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.bank.review.ItemWarning;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Topic;
import vn.contest.core.rules.AnswerKey;

/**
 * The question bank: search and filter, item statistics once papers exist (facility: share of papers that
 * got the item right; discrimination: that share among the top 27% of papers minus the bottom 27%), import
 * (.xlsx, .csv, Moodle GIFT or Aiken) with every bad row shown and the item checks' warnings beside their rows, disable and
 * enable, export in the import format.
 */
public final class QuestionsPage {
    static final int PAGE_SIZE = 50;
    /** Warnings shown on the page; a bigger file gets the first ones and the count (the command prints them all). */
    static final int WARNINGS_SHOWN = 300;
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final QuestionImporter importer;
    private final Clock clock;

    public QuestionsPage(Jdbi jdbi, Supplier<Contest> live, Clock clock) {
        this.jdbi = jdbi;
        this.live = live;
        this.clock = clock;
        this.importer = new QuestionImporter(jdbi);
    }

    public record Row(long id, String topic, String text, List<String> options, char correct, boolean active,
                      long answered, String facility, String discrimination, boolean flagged, boolean practice) {}

    public record View(Page page, List<Row> rows, List<Topic> topics, String q, String topic, int pageNo, boolean hasMore,
                       long total, List<String> roundsLeft, List<ImportProblem> problems, String notice,
                       List<ItemWarning> warnings, int warningsTotal) {}

    private Contest contest() {
        return live.get();
    }

    public void list(Context ctx) {
        ctx.html(render(ctx, List.of(), ctx.queryParam("notice")));
    }

    private String render(Context ctx, List<ImportProblem> problems, String notice) {
        return render(ctx, problems, notice, List.of());
    }

    private String render(Context ctx, List<ImportProblem> problems, String notice, List<ItemWarning> warnings) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String topic = ctx.queryParam("topic") == null ? "" : ctx.queryParam("topic");
        int pageNo = parsePage(ctx.queryParam("page"));
        List<Row> rows = jdbi.withHandle(h -> QuestionBankQueries.page(h, contest().id(), q, topic, PAGE_SIZE + 1,
                (pageNo - 1) * PAGE_SIZE)).stream()
                .map(r -> new Row(r.id(), r.topic(), r.text(), r.options(), (char) ('A' + r.correct()), r.active(), r.papers(),
                        r.facility() == null ? "—" : String.format(Locale.ROOT, "%.0f%%", r.facility() * 100),
                        r.discrimination() == null ? "—" : String.format(Locale.ROOT, "%.2f", r.discrimination()), r.looksBroken(),
                        r.practice()))
                .toList();
        long total = jdbi.withHandle(h -> QuestionBankQueries.count(h, contest().id()));
        // Keys shown round by round: each round still ahead draws only from questions whose key is not out.
        List<String> roundsLeft = !AnswerKey.hidesShownQuestions(contest().config()) ? List.of()
                : jdbi.withHandle(h -> ShownKeys.undrawnLeft(h, contest(), clock.instant())).entrySet().stream()
                        .map(e -> e.getKey().name() + ": còn " + e.getValue() + " câu chưa lộ đáp án").toList();
        boolean more = rows.size() > PAGE_SIZE;
        return Templates.render("questions.jte", new View(AdminContext.page(ctx, contest(), "Ngân hàng câu hỏi", "questions"),
                more ? rows.subList(0, PAGE_SIZE) : rows, contest().topics(), q, topic, pageNo, more, total, roundsLeft, problems, notice,
                warnings.subList(0, Math.min(warnings.size(), WARNINGS_SHOWN)), warnings.size()));
    }

    public void importFile(Context ctx) throws IOException {
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
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(render(ctx, report.problems(), null, report.warnings()));
            return;
        }
        jdbi.useHandle(h -> Audit.record(h, AdminContext.user(ctx), "Nhập câu hỏi", file.filename(), null,
                Map.of("imported", report.imported(), "warnings", report.warnings().size())));
        String notice = "Đã nhập " + report.imported() + " câu hỏi từ tệp " + file.filename() + ".";
        if (!report.warnings().isEmpty()) {
            // The warnings are for the drafting team to read beside their rows: the page shows them instead of redirecting.
            ctx.html(render(ctx, List.of(), notice, report.warnings()));
            return;
        }
        ctx.redirect("/admin/questions?notice=" + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    /** Disabling keeps the question (graded papers point at it) but stops drawing it. */
    public void toggle(Context ctx) {
        long id = parseId(ctx);
        boolean active = "true".equals(ctx.formParam("active"));
        int changed = jdbi.inTransaction(h -> {
            Boolean before = QuestionBankQueries.lockActive(h, contest().id(), id).orElse(null);
            if (before == null) {
                return 0;
            }
            QuestionBankQueries.setActive(h, id, active);
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

    public void export(Context ctx) {
        List<List<Object>> rows = new ArrayList<>();
        for (QuestionBankQueries.StoredQuestion q : jdbi.withHandle(h -> QuestionBankQueries.all(h, contest().id()))) {
            List<Object> row = new ArrayList<>(List.of(q.topicCode(), q.text()));
            for (int i = 0; i < 6; i++) {
                row.add(i < q.options().size() ? q.options().get(i) : "");
            }
            row.add(String.valueOf((char) ('A' + q.correct())));
            row.add(q.explanation());
            row.add(q.roundCode() == null ? "" : q.roundCode());
            row.add(q.practice() ? "luyện tập" : "thi");
            row.add(q.factGroup() == null ? "" : q.factGroup());
            row.add(q.checkNotes());
            rows.add(row);
        }
        try (Xlsx x = new Xlsx()) {
            byte[] bytes = x.sheet("Câu hỏi", List.of("Chủ đề", "Câu hỏi", "A", "B", "C", "D", "E", "F", "Đáp án", "Giải thích", "Vòng", "Dùng cho",
                    "Nhóm", "Ghi chú kiểm tra"), rows).bytes();
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
