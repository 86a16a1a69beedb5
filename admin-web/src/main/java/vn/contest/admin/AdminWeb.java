package vn.contest.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.auth.AdminUsers;
import vn.contest.admin.auth.Area;
import vn.contest.admin.auth.Grants;
import vn.contest.admin.auth.LoginThrottle;
import vn.contest.admin.auth.PasswordPolicy;
import vn.contest.admin.auth.Passwords;
import vn.contest.admin.auth.Sessions;
import vn.contest.admin.pages.AnomaliesPage;
import vn.contest.admin.pages.AuditPage;
import vn.contest.admin.pages.BroadcastsPage;
import vn.contest.admin.pages.ChecksPage;
import vn.contest.admin.pages.ContestsPage;
import vn.contest.admin.pages.DashboardPage;
import vn.contest.admin.pages.LoginView;
import vn.contest.admin.pages.MessageView;
import vn.contest.admin.pages.ParticipantsPage;
import vn.contest.admin.pages.QuestionForm;
import vn.contest.admin.pages.QuestionsPage;
import vn.contest.admin.pages.ResultsPage;
import vn.contest.admin.pages.SettingsPage;
import vn.contest.admin.pages.UnitsPage;
import vn.contest.admin.pages.UsersPage;
import vn.contest.admin.pages.Verification;
import vn.contest.core.channel.Channel;
import vn.contest.core.check.Check;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.net.TrustedProxies;
import vn.contest.site.SiteUrls;

/**
 * The committee's admin web under /admin. Every route is listed in the constructor, on one screen, with the
 * part of the site it belongs to; a guard checks the session, the role and, on every POST, the form's CSRF token.
 */
public final class AdminWeb {
    static final String LOGIN_CSRF_COOKIE = "admin_login_csrf";

    private final AdminUsers users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Jdbi jdbi;
    private final TrustedProxies proxies;
    private final List<AdminRoute> routes;
    private final ContestScope scope;
    private final Grants grants;

    /**
     * {@code channels}: the channels the app serves, for their labels, alerts, links and reply windows (this web
     * names no platform); {@code clock}: the engine's, so the pages judge time as the contest does; {@code checks}:
     * what "Kiểm tra kết nối" runs on demand (the app gives the doctor's own list: the channels', the database's, the
     * contests'); {@code publicPageChanged}: told a contest's code when the committee publishes or withdraws its
     * winners, so the public site builds that page again at once; {@code publicUrl}: PUBLIC_URL (may be null), for the
     * public pages' addresses the committee copies.
     */
    public AdminWeb(Jdbi jdbi, Contests contests, List<? extends Channel<?>> channels, TrustedProxies proxies, Clock clock,
                    Supplier<List<Check>> checks, Consumer<String> publicPageChanged, String publicUrl) {
        this.jdbi = jdbi;
        this.scope = new ContestScope(contests);
        this.grants = new Grants(jdbi);
        // Every page reads the contest the request is about (the session's choice): nothing crosses between contests.
        ContestScope contest = scope;
        this.proxies = proxies;
        this.users = new AdminUsers(jdbi);
        this.sessions = new Sessions(jdbi);
        this.throttle = new LoginThrottle(jdbi);
        DashboardPage dashboard = new DashboardPage(jdbi, contest,
                () -> channels.stream().flatMap(c -> c.alerts().stream()).toList(), proxies, contests::all, clock);
        Verification verification = new Verification(channels);
        QuestionsPage questions = new QuestionsPage(jdbi, contest, clock);
        QuestionForm question = new QuestionForm(jdbi, contest);
        ParticipantsPage participants = new ParticipantsPage(jdbi, contest, clock, verification);
        AnomaliesPage anomalies = new AnomaliesPage(jdbi, contest);
        ResultsPage results = new ResultsPage(jdbi, contest, clock, verification, publicPageChanged);
        UnitsPage units = new UnitsPage(contest, channels, new SiteUrls(publicUrl));
        BroadcastsPage broadcasts = new BroadcastsPage(jdbi, contest, channels, clock, contests::all);
        SettingsPage settings = new SettingsPage(scope::live, jdbi, clock);
        ContestsPage contestList = new ContestsPage(jdbi, contests, scope, clock);
        UsersPage accounts = new UsersPage(users, jdbi, contest, contests::all);
        AuditPage audit = new AuditPage(new Audit(jdbi), contest);
        ChecksPage connections = new ChecksPage(jdbi, contest, checks);
        // Every guarded page and action, with the part of the site (hence the roles, see Role) it belongs to.
        this.routes = List.of(
                get("/admin", Area.DASHBOARD, dashboard::show),
                get("/admin/questions", Area.BANK, questions::list),
                post("/admin/questions/import", Area.BANK, questions::importFile),
                post("/admin/questions/{id}/active", Area.BANK, questions::toggle),
                get("/admin/questions/export.xlsx", Area.BANK, questions::export),
                get("/admin/questions/new", Area.BANK, question::blank),
                post("/admin/questions/new", Area.BANK, question::create),
                get("/admin/questions/{id}/edit", Area.BANK, question::edit),
                post("/admin/questions/{id}/edit", Area.BANK, question::change),
                get("/admin/participants", Area.PARTICIPANTS, participants::list),
                get("/admin/participants/{id}", Area.PARTICIPANTS, participants::detail),
                post("/admin/participants/{id}/disqualify", Area.PARTICIPANTS, participants::disqualify),
                post("/admin/participants/{id}/requalify", Area.PARTICIPANTS, participants::requalify),
                post("/admin/participants/{id}/verify", Area.PARTICIPANTS, participants::verify),
                post("/admin/participants/{id}/resolve", Area.PARTICIPANTS, participants::resolve),
                get("/admin/anomalies", Area.PARTICIPANTS, anomalies::show),
                get("/admin/results", Area.RESULTS, results::show),
                post("/admin/results/confirm", Area.RESULTS, results::confirm),
                post("/admin/results/publish", Area.RESULTS, results::publish),
                post("/admin/results/withdraw", Area.RESULTS, results::withdraw),
                get("/admin/results/winners.xlsx", Area.RESULTS, results::winnersXlsx),
                get("/admin/results/ranking.xlsx", Area.RESULTS, results::rankingXlsx),
                get("/admin/results/units.xlsx", Area.RESULTS, results::unitsXlsx),
                get("/admin/results/print", Area.RESULTS, results::print),
                get("/admin/units", Area.UNITS, units::list),
                get("/admin/units/{code}/qr.png", Area.UNITS, units::qr),
                get("/admin/broadcasts", Area.BROADCAST, broadcasts::show),
                post("/admin/broadcasts", Area.BROADCAST, broadcasts::send),
                get("/admin/settings", Area.SETTINGS, settings::show),
                post("/admin/settings", Area.SETTINGS, settings::save),
                post("/admin/settings/anonymise", Area.SETTINGS, settings::anonymise),
                get("/admin/checks", Area.SETTINGS, connections::show),
                post("/admin/checks", Area.SETTINGS, connections::run),
                get("/admin/users", Area.USERS, accounts::show),
                post("/admin/users", Area.USERS, accounts::create),
                post("/admin/users/{id}/active", Area.USERS, accounts::toggle),
                post("/admin/users/grant", Area.USERS, accounts::grant),
                get("/admin/audit", Area.AUDIT, audit::show),
                get("/admin/contests", Area.CONTESTS, contestList::show),
                post("/admin/contests", Area.CONTESTS, contestList::create),
                post("/admin/contest", Area.ACCOUNT, this::switchContest),
                get("/admin/password", Area.ACCOUNT, accounts::passwordForm),
                post("/admin/password", Area.ACCOUNT, accounts::changePassword));
    }

    private static AdminRoute get(String path, Area area, Handler handler) {
        return new AdminRoute(HandlerType.GET, path, area, handler);
    }

    private static AdminRoute post(String path, Area area, Handler handler) {
        return new AdminRoute(HandlerType.POST, path, area, handler);
    }

    public AdminUsers users() {
        return users;
    }

    /** Every guarded route (method, path, area): the authorization matrix test walks this list. */
    public List<AdminRoute> routes() {
        return routes;
    }

    public void install(JavalinConfig config) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/admin-assets";
            sf.directory = "/admin-assets";
            sf.location = Location.CLASSPATH;
        });
        // A page that is not there, said in the admin web's own words and charset (not Javalin's bare text).
        config.routes.exception(io.javalin.http.NotFoundResponse.class, (e, ctx) -> {
            if (!ctx.path().startsWith("/admin")) {
                ctx.status(HttpStatus.NOT_FOUND).result(e.getMessage());
                return;
            }
            ctx.status(HttpStatus.NOT_FOUND).html(Templates.render("message.jte", new MessageView("Không tìm thấy", e.getMessage(), "/admin")));
        });
        config.routes.get("/admin/login", this::loginForm);
        config.routes.post("/admin/login", this::login);
        config.routes.post("/admin/logout", this::logout);
        for (AdminRoute r : routes) {
            Handler guarded = guard(r.area(), r.method() == HandlerType.POST, r.handler());
            if (r.method() == HandlerType.POST) {
                config.routes.post(r.path(), guarded);
            } else {
                config.routes.get(r.path(), guarded);
            }
        }
    }

    private Handler guard(Area area, boolean changes, Handler handler) {
        return ctx -> {
            Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
            if (session.isEmpty()) {
                ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
                return;
            }
            // The contest the request is about: the session's choice among those the account may open, else the first.
            List<Contest> all = scope.contests().all();
            java.util.Map<Long, vn.contest.admin.auth.Role> roles = grants.rolesOf(session.get().user(), all);
            List<Contest> open = all.stream().filter(c -> roles.containsKey(c.id())).toList();
            if (open.isEmpty()) {
                ctx.status(HttpStatus.FORBIDDEN).html(Templates.render("message.jte", new MessageView("Chưa được giao cuộc thi",
                        "Tài khoản của bạn chưa được giao cuộc thi nào. Vui lòng liên hệ người quản trị.", "/admin/login")));
                return;
            }
            Contest contest = open.stream().filter(c -> session.get().contestId() != null && c.id() == session.get().contestId())
                    .findFirst().orElse(open.get(0));
            Sessions.Session scoped = session.get().in(contest.id(), roles.get(contest.id()));
            if (!scoped.user().role().can(area)) {
                ctx.status(HttpStatus.FORBIDDEN).html(Templates.render("message.jte",
                        new MessageView("Không có quyền", "Tài khoản của bạn không được mở trang này.", scoped.user().role().home())));
                return;
            }
            if (changes && !same(ctx.formParam("_csrf"), scoped.csrfToken())) {
                ctx.status(HttpStatus.FORBIDDEN).html(Templates.render("message.jte", new MessageView("Biểu mẫu không hợp lệ",
                        "Biểu mẫu đã hết hạn hoặc không được gửi từ trang quản trị. Vui lòng tải lại trang rồi thử lại.", "/admin")));
                return;
            }
            ctx.attribute(AdminContext.KEY, scoped);
            ctx.attribute(AdminContext.CONTESTS, open);
            ctx.header("Cache-Control", "no-store");
            scope.enter(contest);
            try {
                handler.handle(ctx);
            } finally {
                scope.leave();
            }
        };
    }

    /** The switcher: the session looks at another contest the account may open (the guard checks it on every request). */
    private void switchContest(Context ctx) {
        List<Contest> open = ctx.attribute(AdminContext.CONTESTS);
        String code = String.valueOf(ctx.formParam("contest"));
        Optional<Contest> chosen = open.stream().filter(c -> c.config().code().equals(code)).findFirst();
        if (chosen.isEmpty()) {
            boolean exists = scope.contests().byCode(code).isPresent();
            ctx.status(exists ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST).html(Templates.render("message.jte", exists
                    ? new MessageView("Không có quyền", "Tài khoản của bạn không được mở cuộc thi này.", "/admin")
                    : new MessageView("Không có cuộc thi này", "Vui lòng chọn một cuộc thi trong danh sách.", "/admin")));
            return;
        }
        sessions.choose(ctx.cookie(Sessions.COOKIE), chosen.get().id());
        ctx.redirect(AdminContext.user(ctx).role().home(), HttpStatus.SEE_OTHER);
    }

    private void loginForm(Context ctx) {
        ctx.html(Templates.render("login.jte", new LoginView(loginCsrf(ctx), null, "")));
    }

    private void login(Context ctx) throws InterruptedException {
        String username = String.valueOf(ctx.formParam("username")).strip();
        String password = String.valueOf(ctx.formParam("password"));
        if (!same(ctx.formParam("_csrf"), ctx.cookie(LOGIN_CSRF_COOKIE))) {
            ctx.status(HttpStatus.FORBIDDEN).html(Templates.render("login.jte",
                    new LoginView(loginCsrf(ctx), "Biểu mẫu đã hết hạn. Vui lòng đăng nhập lại.", username)));
            return;
        }
        String ip = clientAddress(ctx);
        LoginThrottle.Attempt attempt = throttle.begin(username, ip);
        if (attempt.blocked()) {
            audit(null, username, "Đăng nhập bị chặn (sai quá nhiều lần)", ip);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).html(Templates.render("login.jte", new LoginView(loginCsrf(ctx),
                    "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.", username)));
            return;
        }
        Thread.sleep(attempt.delayMillis());
        if (PasswordPolicy.tooLong(password)) {
            audit(null, username, "Đăng nhập thất bại", ip);
            ctx.status(HttpStatus.BAD_REQUEST).html(Templates.render("login.jte", new LoginView(loginCsrf(ctx),
                    "Mật khẩu dài quá " + PasswordPolicy.MAX_BYTES + " byte.", username)));
            return;
        }
        Optional<String> hash = users.passwordHash(username);
        // An unknown name is checked against a dummy hash: the answer takes as long as for a real account.
        boolean right = Passwords.matches(password, hash.orElse(Passwords.DUMMY)) && hash.isPresent();
        if (!right) {
            audit(null, username, "Đăng nhập thất bại", ip);
            ctx.status(HttpStatus.UNAUTHORIZED).html(Templates.render("login.jte",
                    new LoginView(loginCsrf(ctx), "Tên đăng nhập hoặc mật khẩu không đúng.", username)));
            return;
        }
        throttle.succeeded(attempt, username, ip);
        var user = users.byUsername(username).orElseThrow();
        audit(user, username, "Đăng nhập", ip);
        Cookie cookie = new Cookie(Sessions.COOKIE, sessions.start(user));
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setSecure("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || "https".equals(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.redirect(user.role().home(), HttpStatus.SEE_OTHER);
    }

    /** Clearing the cookie always ends the session it named, with or without the form's token. */
    private void logout(Context ctx) {
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        sessions.end(ctx.cookie(Sessions.COOKIE));
        session.ifPresent(s -> audit(s.user(), s.user().username(), "Đăng xuất", clientAddress(ctx)));
        ctx.removeCookie(Sessions.COOKIE, "/");
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    private String clientAddress(Context ctx) {
        return proxies.clientOf(ctx.req().getRemoteAddr(), java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    private void audit(vn.contest.admin.auth.AdminUser who, String username, String action, String ip) {
        jdbi.useHandle(h -> Audit.recordAccess(h, who, username, action, "địa chỉ " + ip));
    }

    /** A login form's token: a double-submit cookie, since there is no session yet. */
    private static String loginCsrf(Context ctx) {
        String token = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = Sessions.random();
            Cookie cookie = new Cookie(LOGIN_CSRF_COOKIE, token);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/admin");
            ctx.cookie(cookie);
        }
        return token;
    }

    static boolean same(String given, String expected) {
        return given != null && expected != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
