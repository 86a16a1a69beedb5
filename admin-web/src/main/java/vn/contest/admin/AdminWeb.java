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
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.auth.AdminUsers;
import vn.contest.admin.auth.Area;
import vn.contest.admin.auth.LoginThrottle;
import vn.contest.admin.auth.PasswordPolicy;
import vn.contest.admin.auth.Passwords;
import vn.contest.admin.auth.Sessions;
import vn.contest.admin.pages.AnomaliesPage;
import vn.contest.admin.pages.AuditPage;
import vn.contest.admin.pages.BroadcastsPage;
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
import vn.contest.core.contest.LiveContest;
import vn.contest.core.net.TrustedProxies;

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

    /**
     * {@code channels}: the channels the app serves, for their labels, alerts, links and reply windows (this web
     * names no platform); {@code clock}: the engine's, so the pages judge time as the contest does.
     */
    public AdminWeb(Jdbi jdbi, LiveContest contest, List<? extends Channel<?>> channels, TrustedProxies proxies, Clock clock) {
        this.jdbi = jdbi;
        this.proxies = proxies;
        this.users = new AdminUsers(jdbi);
        this.sessions = new Sessions(jdbi);
        this.throttle = new LoginThrottle(jdbi);
        DashboardPage dashboard = new DashboardPage(jdbi, contest,
                () -> channels.stream().flatMap(c -> c.alerts().stream()).toList());
        Verification verification = new Verification(channels);
        QuestionsPage questions = new QuestionsPage(jdbi, contest, clock);
        QuestionForm question = new QuestionForm(jdbi, contest);
        ParticipantsPage participants = new ParticipantsPage(jdbi, contest, clock, verification);
        AnomaliesPage anomalies = new AnomaliesPage(jdbi, contest);
        ResultsPage results = new ResultsPage(jdbi, contest, clock, verification);
        UnitsPage units = new UnitsPage(contest, channels);
        BroadcastsPage broadcasts = new BroadcastsPage(jdbi, contest, channels);
        SettingsPage settings = new SettingsPage(contest, jdbi, clock);
        UsersPage accounts = new UsersPage(users, jdbi, contest);
        AuditPage audit = new AuditPage(new Audit(jdbi), contest);
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
                get("/admin/users", Area.USERS, accounts::show),
                post("/admin/users", Area.USERS, accounts::create),
                post("/admin/users/{id}/active", Area.USERS, accounts::toggle),
                get("/admin/audit", Area.AUDIT, audit::show),
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
            if (!session.get().user().role().can(area)) {
                ctx.status(HttpStatus.FORBIDDEN).html(Templates.render("message.jte",
                        new MessageView("Không có quyền", "Tài khoản của bạn không được mở trang này.", session.get().user().role().home())));
                return;
            }
            if (changes && !same(ctx.formParam("_csrf"), session.get().csrfToken())) {
                ctx.status(HttpStatus.FORBIDDEN).html(Templates.render("message.jte", new MessageView("Biểu mẫu không hợp lệ",
                        "Biểu mẫu đã hết hạn hoặc không được gửi từ trang quản trị. Vui lòng tải lại trang rồi thử lại.", "/admin")));
                return;
            }
            ctx.attribute(AdminContext.KEY, session.get());
            ctx.header("Cache-Control", "no-store");
            handler.handle(ctx);
        };
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
