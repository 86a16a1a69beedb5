package vn.contest.admin.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Templates;
import vn.contest.core.channel.Alert;
import vn.contest.core.config.ContestConfig.GroupConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.net.TrustedProxies;
import vn.contest.core.report.ParticipationReport;

/**
 * Participation at a glance ({@link ParticipationReport}): totals, papers per day, per group, per unit with its
 * rate. The whole page is cached for 30 seconds, so a million
 * participants and a room of refreshing browsers cost the database a few queries a minute.
 */
public final class DashboardPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final Cache<Long, Figures> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build();

    private final Supplier<List<Alert>> alerts;

    private final TrustedProxies proxies;
    private final Supplier<List<Contest>> contests;
    private final java.time.Clock clock;

    /** {@code proxies}: whether a trusted proxy passed on a visitor's request naming no client (shown here, not on /health). */
    public DashboardPage(Jdbi jdbi, Supplier<Contest> live, Supplier<List<Alert>> alerts, TrustedProxies proxies) {
        this(jdbi, live, alerts, proxies, () -> List.of(live.get()), java.time.Clock.systemUTC());
    }

    /** {@code contests}: every contest of the deployment, listed on the front page for an account that opens several. */
    public DashboardPage(Jdbi jdbi, Supplier<Contest> live, Supplier<List<Alert>> alerts, TrustedProxies proxies,
                         Supplier<List<Contest>> contests, java.time.Clock clock) {
        this.contests = contests;
        this.clock = clock;
        this.jdbi = jdbi;
        this.live = live;
        this.alerts = alerts;
        this.proxies = proxies;
    }

    /** What the administrators must act on: the channels' alerts, and a proxy that hides every visitor's address. */
    private List<String> alertTexts() {
        List<String> texts = new java.util.ArrayList<>(alerts.get().stream().map(Alert::text).toList());
        proxies.proxyNamingNoClient().ifPresent(proxy -> texts.add("Máy chủ trung gian " + proxy + " (trong TRUSTED_PROXIES) chuyển tiếp "
                + "yêu cầu mà không kèm X-Forwarded-For: mọi người truy cập đều mang địa chỉ của nó, nên giới hạn đăng nhập và giới hạn "
                + "của trang web tính chung cho tất cả, và /metrics coi họ là chính máy này. Cần cấu hình máy chủ trung gian gửi "
                + "X-Forwarded-For (nginx: proxy_set_header X-Forwarded-For $remote_addr;), hoặc bỏ nó khỏi TRUSTED_PROXIES."));
        return texts;
    }

    public record Day(String date, long papers, long registered) {}

    public record GroupRow(String label, long registered, long tookPart) {}

    public record UnitRow(String name, int headcount, long registered, long tookPart, String rate) {}

    public record Figures(long registered, long tookPart, long papers, List<Day> days, List<GroupRow> groups, List<UnitRow> units,
                          ParticipationReport.Practice practice) {}

    /** {@code contests}: every contest the account may open, with its state and participation, when there are several. */
    public record View(Page page, Figures figures, String chartSvg, List<String> alerts, List<ContestLines.Line> contests) {}

    private Contest contest() {
        return live.get();
    }

    public void show(Context ctx) {
        Figures f = cache.get(contest().id(), id -> figures());
        // What an operator must act on, in full, for the administrators only (/health shows just the codes).
        List<String> shown = AdminContext.user(ctx).role() == vn.contest.admin.auth.Role.ADMIN
                ? alertTexts() : List.of();
        Page page = AdminContext.page(ctx, contest(), "Tổng quan", "dashboard");
        List<Contest> open = page.contests().size() > 1 ? contests.get().stream()
                .filter(c -> page.contests().stream().anyMatch(o -> o.code().equals(c.config().code()))).toList() : List.of();
        ctx.html(Templates.render("dashboard.jte", new View(page, f, DayChart.svg(f.days()), shown,
                ContestLines.of(jdbi, open, clock))));
    }

    Figures figures() {
        long c = contest().id();
        return jdbi.withHandle(h -> {
            ParticipationReport.Totals totals = ParticipationReport.totals(h, c);
            List<Day> days = ParticipationReport.days(h, c).stream()
                    .map(d -> new Day(DAY.format(d.date()), d.papers(), d.registered())).toList();
            List<GroupRow> groups = ParticipationReport.groups(h, c).stream()
                    .map(g -> new GroupRow(contest().config().group(g.group()).map(GroupConfig::title).orElse("Nhóm " + g.group()),
                            g.registered(), g.tookPart())).toList();
            List<UnitRow> units = ParticipationReport.units(h, c).stream()
                    .map(u -> new UnitRow(u.name(), u.headcount(), u.registered(), u.tookPart(),
                            u.headcount() == 0 ? "—" : String.format(Locale.ROOT, "%.2f%%", 100.0 * u.tookPart() / u.headcount())))
                    .toList();
            return new Figures(totals.registered(), totals.tookPart(), totals.papers(), days, groups, units,
                    ParticipationReport.practice(h, c));
        });
    }
}
