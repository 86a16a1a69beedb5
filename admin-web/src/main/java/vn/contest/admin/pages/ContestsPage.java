package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import vn.contest.core.rules.Window;

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

    /** A contest's line: code, title, where it stands, people registered and papers finished. */
    public record Line(String code, String title, String state, long registered, long papers) {}

    public record View(Page page, List<Line> lines, List<String> problems, String notice) {}

    public void show(Context ctx) {
        ctx.html(render(ctx, List.of(), ctx.queryParam("notice")));
    }

    private String render(Context ctx, List<String> problems, String notice) {
        Map<Long, long[]> counts = jdbi.withHandle(h -> {
            Map<Long, long[]> m = new java.util.HashMap<>();
            h.createQuery("""
                    SELECT c.id, (SELECT count(*) FROM participants p WHERE p.contest_id = c.id) AS registered,
                           (SELECT count(*) FROM attempts a WHERE a.contest_id = c.id AND a.status = 'finished') AS papers
                    FROM contests c""")
                    .map((rs, x) -> Map.entry(rs.getLong("id"), new long[] {rs.getLong("registered"), rs.getLong("papers")}))
                    .forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
        List<Line> lines = new ArrayList<>();
        for (Contest c : contests.all()) {
            long[] n = counts.getOrDefault(c.id(), new long[2]);
            lines.add(new Line(c.config().code(), c.config().title(), state(c), n[0], n[1]));
        }
        return Templates.render("contests.jte", new View(AdminContext.page(ctx, current.get(), "Các cuộc thi", "contests"), lines, problems, notice));
    }

    private String state(Contest c) {
        ZoneId zone = c.config().zone();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String window = c.opensAt().atZone(zone).format(f) + " - " + c.closesAt().atZone(zone).format(f);
        Window w = Window.at(c, clock.instant());
        String where = w instanceof Window.NotOpenYet ? "Sắp mở" : w instanceof Window.Closed ? "Đã kết thúc"
                : w instanceof Window.BetweenRounds ? "Giữa các đợt" : "Đang diễn ra";
        return where + " (" + window + ")";
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
