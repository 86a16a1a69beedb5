package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.core.bank.ImportReport;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfigException;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ContestStore;
import vn.contest.core.contest.Contests;

/**
 * Every contest of the deployment with its state and participation (Quản trị), and adding one by uploading its
 * contest file and, optionally, its bank: checked as at start, nothing installed when the file has a problem.
 */
public final class ContestsPage {
    private final Jdbi jdbi;
    private final Contests contests;
    private final java.util.function.Supplier<Contest> current;
    private final Clock clock;

    public ContestsPage(Jdbi jdbi, Contests contests, java.util.function.Supplier<Contest> current, Clock clock) {
        this.jdbi = jdbi;
        this.contests = contests;
        this.current = current;
        this.clock = clock;
    }

    public record View(Page page, List<ContestLines.Line> lines, List<String> problems, String notice) {}

    public void show(Context ctx) {
        ctx.html(render(ctx, List.of(), ctx.queryParam("notice")));
    }

    private String render(Context ctx, List<String> problems, String notice) {
        return Templates.render("contests.jte", new View(AdminContext.page(ctx, current.get(), "Các cuộc thi", "contests"),
                ContestLines.of(jdbi, contests.all(), clock), problems, notice));
    }

    /** Adds a contest from its file (and bank); refuses a file with problems, or a code already in use, whole. */
    public void create(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("contestFile");
        if (file == null || file.size() == 0) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, List.of("Chưa chọn tệp cuộc thi (contest.yaml)."), null));
            return;
        }
        ContestConfig config;
        try (InputStream in = file.content()) {
            config = ContestConfigLoader.load(in, file.filename(), LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))));
        } catch (ContestConfigException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(render(ctx, e.problems().stream()
                    .map(p -> "Tệp " + file.filename() + ": " + p).toList(), null));
            return;
        }
        if (contests.byCode(config.code()).isPresent()) {
            ctx.status(HttpStatus.CONFLICT).html(render(ctx, List.of("Đã có cuộc thi mã " + config.code()
                    + ". Sửa thể lệ của cuộc thi đó ở trang \"Thể lệ, cấu hình\", hoặc đặt mã khác cho cuộc thi mới."), null));
            return;
        }
        Contest contest = ContestStore.install(jdbi, config);
        contests.add(contest);
        jdbi.useHandle(h -> Audit.record(h, AdminContext.user(ctx), "Tạo cuộc thi", config.code(), null,
                Map.of("tên", config.title())));
        String notice = "Đã tạo cuộc thi " + config.title() + ".";
        UploadedFile bank = ctx.uploadedFile("bankFile");
        if (bank != null && bank.size() > 0) {
            byte[] content;
            try (InputStream in = bank.content()) {
                content = in.readAllBytes();
            }
            ImportReport report = new QuestionImporter(jdbi).importFile(contest, content, bank.filename(), null);
            if (!report.ok()) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(render(ctx, report.problems().stream()
                        .map(p -> "Ngân hàng câu hỏi " + bank.filename() + ": " + p).toList(),
                        notice + " Ngân hàng câu hỏi chưa được nhập: sửa tệp rồi nhập ở trang \"Ngân hàng câu hỏi\" của cuộc thi này."));
                return;
            }
            notice += " Đã nhập " + report.imported() + " câu hỏi.";
        }
        ctx.redirect("/admin/contests?notice=" + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }
}
