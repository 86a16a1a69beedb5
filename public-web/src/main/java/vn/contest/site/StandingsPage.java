package vn.contest.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.config.ContestConfig.UnitMeasure;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.report.PublicCounts;

/**
 * The live standings ("Thống kê") at {@code /c/<code>/thong-ke}, its compact widget for a portal's iframe at
 * {@code /c/<code>/thong-ke/nhung}, and the same figures as open JSON at {@code /api/public/contests/<code>/units} and
 * {@code .../days}. Each contest's counts are read at most once per {@link PublicSite#FRESHNESS} (a snapshot kept
 * by the engine's clock); each page is rendered once per snapshot and served from {@link PublicCache}, so a crowd
 * costs no query and no rendering per request.
 */
public final class StandingsPage {
    /** The widget is the one page another site may frame ({@code app/SecurityHeaders} asks {@link #frameable}). */
    private static final Pattern WIDGET = Pattern.compile("/c/[^/]+/thong-ke/nhung/?");
    /** How many units the widget shows. */
    static final int WIDGET_ROWS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Jdbi jdbi;
    private final Contests contests;
    private final PublicCache cache;
    private final Clock clock;
    /** Contest id -> its latest snapshot; expires by the engine's clock, so a test moves time instead of waiting. */
    private final Cache<Long, Standings> snapshots;

    public StandingsPage(Jdbi jdbi, Contests contests, PublicCache cache, Clock clock) {
        this.jdbi = jdbi;
        this.contests = contests;
        this.cache = cache;
        this.clock = clock;
        this.snapshots = Caffeine.newBuilder().expireAfterWrite(PublicSite.FRESHNESS)
                .ticker(() -> clock.millis() * 1_000_000L).maximumSize(1_000).build();
    }

    /** The widget's path for a contest. */
    public static String widgetPath(String contestCode) {
        return SiteUrls.standings(contestCode) + "/nhung";
    }

    /** The iframe a portal pastes to show the widget at {@code widgetUrl} (absolute). */
    public static String embedSnippet(String widgetUrl, String contestTitle) {
        return "<iframe src=\"" + attribute(widgetUrl) + "\" title=\"" + attribute("Bảng xếp hạng đơn vị: " + contestTitle)
                + "\" width=\"100%\" height=\"560\" style=\"border:0;max-width:640px\" loading=\"lazy\"></iframe>";
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Whether {@code path} is the standings widget, the one page portals may put in an iframe. */
    public static boolean frameable(String path) {
        // Asked on every response: the pattern only for a path that could be the widget's.
        return path.contains("/nhung") && WIDGET.matcher(path).matches();
    }

    public void install(JavalinConfig config) {
        config.routes.get("/c/{code}/thong-ke", ctx -> page(ctx, "html", this::html));
        config.routes.get("/c/{code}/thong-ke/nhung", ctx -> page(ctx, "widget", this::widget));
        config.routes.get("/api/public/contests/{code}/units", ctx -> api(ctx, "units", StandingsPage::unitsJson));
        config.routes.get("/api/public/contests/{code}/days", ctx -> api(ctx, "days", StandingsPage::daysJson));
        config.routes.options("/api/public/contests/{code}/units", StandingsPage::preflight);
        config.routes.options("/api/public/contests/{code}/days", StandingsPage::preflight);
    }

    /** The contest's current snapshot: read from the counts when the last one is older than a minute. */
    Standings standings(Contest contest) {
        return snapshots.get(contest.id(), id -> Standings.of(contest,
                jdbi.withHandle(h -> PublicCounts.read(h, contest.id(), contest.config().timezone())), clock.instant()));
    }

    private Optional<Contest> contest(Context ctx) {
        return contests.byCode(ctx.pathParam("code"));
    }

    private void page(Context ctx, String kind, Function<Standings, String> render) {
        Optional<Contest> contest = contest(ctx);
        if (contest.isEmpty()) {
            NotFound.page(ctx); // not cached: a crowd guessing codes must not fill the cache
            return;
        }
        Standings s = standings(contest.get());
        cache.serve(ctx, key(s, kind), () -> PublicCache.Rendered.html(render.apply(s)));
    }

    private void api(Context ctx, String kind, Function<Standings, Object> render) {
        cors(ctx);
        Optional<Contest> contest = contest(ctx);
        if (contest.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "Không có cuộc thi có mã này."));
            return;
        }
        Standings s = standings(contest.get());
        cache.serve(ctx, key(s, kind), () -> PublicCache.Rendered.json(write(render.apply(s))));
    }

    /** A portal's script may read the figures from any site; GET only, never with cookies. */
    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET");
        ctx.header("Access-Control-Expose-Headers", "ETag");
    }

    private static void preflight(Context ctx) {
        cors(ctx);
        ctx.header("Access-Control-Allow-Headers", "If-None-Match");
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** One rendering per snapshot: a newer snapshot is a new key, so no page outlives its counts by more than a minute. */
    private static String key(Standings s, String kind) {
        return "c/" + s.contest().config().code() + "/thong-ke#" + kind + "@" + s.takenAt().toEpochMilli();
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- Pages ---

    /** What the templates show, the figures already written the Vietnamese way. */
    public record View(Standings s, String title, String measure, String updated, String prizeNote, List<Standings.UnitRow> units) {
        public String code() {
            return s.contest().config().code();
        }
    }

    private View view(Standings s, List<Standings.UnitRow> units) {
        var config = s.contest().config();
        String measure = s.measure() == UnitMeasure.PARTICIPATION_RATE
                ? "tỷ lệ tham gia (số người tham gia trên số cán bộ, hội viên, người dân của đơn vị)" : "số người tham gia";
        var collective = config.prizes() == null ? null : config.prizes().collective();
        // The prize counts only people who could win (a verified phone, no open dispute...), which these counts do
        // not know: the page says the order is provisional rather than name anyone "leading" for the prize.
        String prizeNote = collective == null ? null
                : "Giải tập thể “" + collective.name() + "” được xét khi tổng kết theo cùng cách xếp hạng này, nhưng chỉ tính "
                + "những người đủ điều kiện nhận giải (ví dụ: đã xác thực số điện thoại), nên thứ hạng trên đây là tạm tính.";
        return new View(s, config.title(), measure, s.takenAt().atZone(config.zone()).format(UPDATED), prizeNote, units);
    }

    private String html(Standings s) {
        return SiteTemplates.render("standings.jte", view(s, s.units()));
    }

    private String widget(Standings s) {
        return SiteTemplates.render("standings-widget.jte", view(s, s.units().stream().limit(WIDGET_ROWS).toList()));
    }

    /** 12.345 */
    public static String count(long n) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
        return f.format(n);
    }

    /** 12,3% or "—" without a headcount. */
    public static String percent(Double rate) {
        if (rate == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
        return f.format(rate * 100) + "%";
    }

    /** A day as the standings show it: 07/12/2026. */
    public static String day(java.time.LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    // --- JSON ---

    /** Every unit, communes after their district with {@code parent}; {@code rate} participants per head (null: no headcount). */
    static ArrayNode unitsJson(Standings s) {
        ArrayNode out = JSON.createArrayNode();
        for (Standings.UnitRow u : s.allUnits()) {
            ObjectNode o = out.addObject();
            o.put("code", u.code());
            o.put("name", u.name());
            if (u.parent() == null) {
                o.putNull("parent");
            } else {
                o.put("parent", u.parent().code());
            }
            o.put("rank", u.rank());
            o.put("participants", u.participants());
            o.put("papers", u.papers());
            o.put("registered", u.registered());
            if (u.headcount() == 0) {
                o.putNull("headcount");
            } else {
                o.put("headcount", u.headcount());
            }
            if (u.rate() == null) {
                o.putNull("rate");
            } else {
                o.put("rate", BigDecimal.valueOf(u.rate()).setScale(4, RoundingMode.HALF_UP));
            }
        }
        return out;
    }

    static ArrayNode daysJson(Standings s) {
        ArrayNode out = JSON.createArrayNode();
        for (Standings.DayRow d : s.days()) {
            out.addObject().put("date", d.date().toString()).put("participants", d.participants()).put("papers", d.papers())
                    .put("registered", d.registered());
        }
        return out;
    }
}
