package vn.contest.admin.pages;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.core.contest.Contest;

/** The audit log, newest first (administrators only). */
public final class AuditPage {
    private final Audit audit;
    private final Supplier<Contest> live;

    public AuditPage(Audit audit, Supplier<Contest> live) {
        this.audit = audit;
        this.live = live;
    }

    public record View(Page page, List<Audit.Entry> entries) {}

    private Contest contest() {
        return live.get();
    }

    public void show(Context ctx) {
        ctx.html(Templates.render("audit.jte", new View(AdminContext.page(ctx, contest(), "Nhật ký thay đổi", "audit"), audit.latest(contest().id(), 300))));
    }
}
