package vn.contest.admin;

import io.javalin.http.Context;
import java.util.List;
import vn.contest.admin.auth.AdminUser;
import vn.contest.admin.auth.Sessions;
import vn.contest.admin.pages.Page;
import vn.contest.core.contest.Contest;

/** What a guarded handler knows about its request: the session and the contest. */
public final class AdminContext {
    static final String KEY = "admin-session";
    /** The contests the account may open, for the switcher. */
    static final String CONTESTS = "admin-contests";

    private AdminContext() {}

    public static Sessions.Session session(Context ctx) {
        return ctx.attribute(KEY);
    }

    public static AdminUser user(Context ctx) {
        return session(ctx).user();
    }

    public static Page page(Context ctx, Contest contest, String title, String active) {
        Sessions.Session s = session(ctx);
        List<Contest> open = ctx.attribute(CONTESTS);
        return new Page(title, s.user(), s.csrfToken(), active, contest.config().title(), contest.config().code(),
                open == null ? List.of() : open.stream().map(c -> new Page.ContestChoice(c.config().code(), c.config().title())).toList());
    }
}
