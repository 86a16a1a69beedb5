package vn.contest.admin.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.AdminRoute;
import vn.contest.admin.Templates;
import vn.contest.admin.auth.Area;
import vn.contest.core.config.ContestConfig.GroupConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.rules.Eligibility;

/**
 * Participation at a glance: totals, papers per day, per group, per unit with its rate. Each figure is one
 * aggregate query on indexed columns, and the whole page is cached for 30 seconds, so a million
 * participants and a room of refreshing browsers cost the database a few queries a minute.
 */
public final class DashboardPage {
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final Cache<Long, Figures> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build();

    public DashboardPage(Jdbi jdbi, Supplier<Contest> live) {
        this.jdbi = jdbi;
        this.live = live;
    }

    public record Day(String date, long papers, long registered) {}

    public record GroupRow(String label, long registered, long tookPart) {}

    public record UnitRow(String name, int headcount, long registered, long tookPart, String rate) {}

    public record Figures(long registered, long tookPart, long papers, List<Day> days, List<GroupRow> groups, List<UnitRow> units) {}

    public record View(Page page, Figures figures, String chartSvg) {}

    private Contest contest() {
        return live.get();
    }

    public void addTo(List<AdminRoute> routes) {
        routes.add(new AdminRoute(HandlerType.GET, "/admin", Area.DASHBOARD, this::show));
    }

    private void show(Context ctx) {
        Figures f = cache.get(contest().id(), id -> figures());
        ctx.html(Templates.render("dashboard.jte", new View(AdminContext.page(ctx, contest(), "Tổng quan", "dashboard"), f, DayChart.svg(f.days()))));
    }

    Figures figures() {
        return jdbi.withHandle(h -> {
            long c = contest().id();
            var totals = h.createQuery("""
                    SELECT (SELECT count(*) FROM participants WHERE contest_id = :c) AS registered,
                           (SELECT count(DISTINCT a.participant_id) FROM attempts a JOIN participants p ON p.id = a.participant_id
                            WHERE a.contest_id = :c AND a.status = 'finished' AND <countsAsParticipant>) AS took_part,
                           (SELECT count(*) FROM attempts WHERE contest_id = :c AND status = 'finished') AS papers""")
                    .define("countsAsParticipant", Eligibility.COUNTS_AS_PARTICIPANT).bind("c", c).mapToMap().one();
            List<Day> days = h.createQuery("""
                    WITH papers AS (
                        SELECT (finished_at AT TIME ZONE :tz)::date AS d, count(*) AS n FROM attempts
                        WHERE contest_id = :c AND status = 'finished' GROUP BY 1),
                    registered AS (
                        SELECT (registered_at AT TIME ZONE :tz)::date AS d, count(*) AS n FROM participants WHERE contest_id = :c GROUP BY 1)
                    SELECT to_char(coalesce(p.d, r.d), 'DD/MM') AS day, coalesce(p.n, 0) AS papers, coalesce(r.n, 0) AS registered
                    FROM papers p FULL JOIN registered r ON r.d = p.d ORDER BY coalesce(p.d, r.d)""")
                    .bind("c", c).bind("tz", contest().config().timezone())
                    .map((rs, ctx) -> new Day(rs.getString("day"), rs.getLong("papers"), rs.getLong("registered"))).list();
            List<GroupRow> groups = h.createQuery("""
                    SELECT p.group_no, count(*) AS registered,
                           count(*) FILTER (WHERE <countsAsParticipant>
                               AND EXISTS (SELECT 1 FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished')) AS took_part
                    FROM participants p WHERE p.contest_id = :c GROUP BY p.group_no ORDER BY p.group_no""")
                    .define("countsAsParticipant", Eligibility.COUNTS_AS_PARTICIPANT).bind("c", c)
                    .map((rs, ctx) -> new GroupRow(contest().config().group(rs.getInt("group_no")).map(GroupConfig::title)
                                    .orElse("Nhóm " + rs.getInt("group_no")),
                            rs.getLong("registered"), rs.getLong("took_part"))).list();
            List<UnitRow> units = h.createQuery("""
                    WITH RECURSIVE tree AS (
                        SELECT id, id AS root FROM units WHERE contest_id = :c AND parent_id IS NULL
                        UNION ALL SELECT u.id, t.root FROM units u JOIN tree t ON u.parent_id = t.id)
                    SELECT u.name, u.headcount, count(p.id) AS registered,
                           count(p.id) FILTER (WHERE <countsAsParticipant>
                               AND EXISTS (SELECT 1 FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished')) AS took_part
                    FROM units u JOIN tree t ON t.root = u.id LEFT JOIN participants p ON p.unit_id = t.id
                    WHERE u.parent_id IS NULL AND u.contest_id = :c
                    GROUP BY u.id ORDER BY CASE WHEN u.headcount = 0 THEN NULL ELSE count(p.id)::numeric / u.headcount END ASC NULLS LAST, u.sort_order""")
                    .define("countsAsParticipant", Eligibility.COUNTS_AS_PARTICIPANT).bind("c", c)
                    .map((rs, ctx) -> new UnitRow(rs.getString("name"), rs.getInt("headcount"), rs.getLong("registered"), rs.getLong("took_part"),
                            rs.getInt("headcount") == 0 ? "—" : String.format(Locale.ROOT, "%.2f%%", 100.0 * rs.getLong("took_part") / rs.getInt("headcount"))))
                    .list();
            return new Figures(((Number) totals.get("registered")).longValue(), ((Number) totals.get("took_part")).longValue(),
                    ((Number) totals.get("papers")).longValue(), days, groups, units);
        });
    }
}
