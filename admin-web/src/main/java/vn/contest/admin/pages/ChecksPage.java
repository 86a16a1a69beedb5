package vn.contest.admin.pages;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.core.check.Check;
import vn.contest.core.contest.Contest;

/**
 * "Kiểm tra kết nối": the same checks as the {@code doctor} command (each channel's credentials, webhook and
 * templates, the database, the contest), run on demand only, since they call the platforms and may refresh a
 * token. The page knows no platform: every line comes from the channels and the engine ({@link Check}).
 */
public final class ChecksPage {
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final Supplier<List<Check>> checks;

    public ChecksPage(Jdbi jdbi, Supplier<Contest> live, Supplier<List<Check>> checks) {
        this.jdbi = jdbi;
        this.live = live;
        this.checks = checks;
    }

    /** {@code results}: null until run; {@code passed}: no check failed (warnings allowed). */
    public record View(Page page, List<Check> results, boolean passed) {}

    public void show(Context ctx) {
        ctx.html(render(ctx, null));
    }

    public void run(Context ctx) {
        List<Check> results = checks.get();
        long failed = results.stream().filter(Check::failed).count();
        long warned = results.stream().filter(c -> c.status() == Check.Status.WARN).count();
        jdbi.useHandle(h -> Audit.record(h, AdminContext.user(ctx), "Kiểm tra kết nối", "máy chủ", null,
                Map.of("số mục", results.size(), "lỗi", failed, "lưu ý", warned)));
        ctx.html(render(ctx, results));
    }

    private String render(Context ctx, List<Check> results) {
        return Templates.render("checks.jte", new View(AdminContext.page(ctx, live.get(), "Kiểm tra kết nối", "checks"), results,
                results != null && Check.allPass(results)));
    }
}
