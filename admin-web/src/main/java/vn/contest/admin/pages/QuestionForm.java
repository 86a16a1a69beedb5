package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.core.bank.ImportProblem;
import vn.contest.core.bank.QuestionBankQueries;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Topic;

/**
 * One question added or edited in a form, checked like a row of an imported file. An edit changes what
 * future papers draw; papers already drawn keep their snapshot, so no graded result moves.
 */
public final class QuestionForm {
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final QuestionImporter bank;

    public QuestionForm(Jdbi jdbi, Supplier<Contest> live) {
        this.jdbi = jdbi;
        this.live = live;
        this.bank = new QuestionImporter(jdbi);
    }

    public record Fields(String topic, String text, List<String> options, String answer, String explanation, boolean practice,
                         String factGroup, String checkNotes) {}

    public record View(Page page, Long id, Fields fields, List<Topic> topics, List<ImportProblem> problems) {}

    public void blank(Context ctx) {
        ctx.html(render(ctx, null, new Fields("", "", List.of("", "", "", ""), "A", "", false, "", ""), List.of()));
    }

    public void create(Context ctx) {
        save(ctx, null);
    }

    public void change(Context ctx) {
        save(ctx, QuestionsPage.parseId(ctx));
    }

    private String render(Context ctx, Long id, Fields fields, List<ImportProblem> problems) {
        return Templates.render("question.jte", new View(AdminContext.page(ctx, live.get(), id == null ? "Thêm câu hỏi" : "Sửa câu hỏi " + id,
                "questions"), id, fields, live.get().topics(), problems));
    }

    public void edit(Context ctx) {
        long id = QuestionsPage.parseId(ctx);
        Fields fields = current(id).orElseThrow(() -> new io.javalin.http.NotFoundResponse("Không có câu hỏi này."));
        ctx.html(render(ctx, id, fields, List.of()));
    }

    private Optional<Fields> current(long id) {
        return jdbi.withHandle(h -> QuestionBankQueries.find(h, live.get().id(), id))
                .map(q -> new Fields(q.topicCode(), q.text(), q.options(), String.valueOf((char) ('A' + q.correct())), q.explanation(),
                        q.practice(), q.factGroup() == null ? "" : q.factGroup(), q.checkNotes()));
    }

    private void save(Context ctx, Long id) {
        Contest contest = live.get();
        List<String> options = new ArrayList<>();
        for (char letter = 'A'; letter <= 'F'; letter++) {
            options.add(field(ctx, "option" + letter));
        }
        Fields fields = new Fields(field(ctx, "topic"), field(ctx, "text"), options, field(ctx, "answer"), field(ctx, "explanation"),
                vn.contest.core.text.Folding.fold(field(ctx, "purpose")).equals("luyen tap"), field(ctx, "factGroup"), field(ctx, "checkNotes"));
        var check = QuestionImporter.checkOne(contest, fields.topic(), fields.text(), options, fields.answer(), fields.explanation(),
                fields.practice(), fields.factGroup(), fields.checkNotes());
        List<ImportProblem> problems = new ArrayList<>(check.problems());
        if (check.draft() != null) {
            bank.sameText(contest, check.draft().text(), id == null ? -1 : id)
                    .ifPresent(other -> problems.add(new ImportProblem(1, "Câu hỏi", "câu hỏi này đã có trong ngân hàng (mã " + other + ").")));
        }
        Optional<Fields> before = id == null ? Optional.empty() : current(id);
        if (id != null && before.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("Không có câu hỏi này.");
            return;
        }
        // Practice shows its key at once, a paper keeps it until the rules allow: a question one of them has shown
        // keeps its use, or a shown key would reach a live paper (or a live key reach practice).
        if (before.isPresent() && before.get().practice() != fields.practice()
                && jdbi.withHandle(h -> QuestionBankQueries.shown(h, id))) {
            problems.add(new ImportProblem(1, "Dùng cho", "câu hỏi này đã xuất hiện trong bài thi hoặc lượt luyện tập nên không đổi được "
                    + "mục đích sử dụng; hãy thêm một câu hỏi mới."));
        }
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, id, fields, problems));
            return;
        }
        long saved = jdbi.inTransaction(h -> {
            long qid;
            if (id == null) {
                qid = bank.add(contest, check.draft());
            } else {
                bank.update(h, contest, id, check.draft());
                qid = id;
            }
            Audit.record(h, AdminContext.user(ctx), id == null ? "Thêm câu hỏi" : "Sửa câu hỏi", "câu hỏi " + qid,
                    before.orElse(null), fields);
            return qid;
        });
        ctx.redirect("/admin/questions?notice=" + java.net.URLEncoder.encode("Đã lưu câu hỏi " + saved + ".",
                java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }
}
