package vn.contest.site;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import vn.contest.core.channel.Channel;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.contest.Round;
import vn.contest.core.contest.Unit;

/**
 * A contest's landing page, {@code /c/CODE}: what it is, when, who may take part, the prizes, the rules in full,
 * and the ways in; opened through a unit's link ({@code ?don-vi=UNIT}) the ways in carry that unit. Built from
 * the contest's settings only, so it is the same for everyone and served from {@link PublicCache}; a unit code
 * the contest does not have is the page without a unit (and is not a cache entry of its own).
 */
public final class LandingPage {
    static final String UNIT_PARAM = "don-vi";

    public record RoundLine(String name, String from, String to, String status) {}

    /** The next change: what, when (written out), and the epoch milliseconds the script counts down to. */
    public record Countdown(String what, String at, String remaining, long untilMillis) {}

    public record PrizeGroup(String group, List<String> levels) {}

    public record View(ShareTags share, String code, String title, String organizer, String status, String from, String to,
                List<RoundLine> rounds, Countdown countdown, int minAge, String residency, List<String> groups,
                boolean perRound, List<PrizeGroup> prizes, String collective, String rules, String unit,
                List<WaysIn.Way> ways, String standings, String winners) {}

    private final Contests contests;
    private final List<? extends Channel<?>> channels;
    private final SiteUrls urls;
    private final PublicCache cache;
    private final Clock clock;

    LandingPage(Contests contests, List<? extends Channel<?>> channels, SiteUrls urls, PublicCache cache, Clock clock) {
        this.contests = contests;
        this.channels = channels;
        this.urls = urls;
        this.cache = cache;
        this.clock = clock;
    }

    void serve(Context ctx) {
        Optional<Contest> found = contests.byCode(ctx.pathParam("code"));
        if (found.isEmpty()) {
            NotFound.page(ctx);
            return;
        }
        Contest contest = found.get();
        Optional<Unit> unit = Optional.ofNullable(ctx.queryParam(UNIT_PARAM)).flatMap(contest::unitByCode);
        String key = SiteUrls.landing(contest.config().code()) + "?" + unit.map(Unit::code).orElse("") + "@" + urls.base(ctx);
        cache.serve(ctx, key, () -> PublicCache.Rendered.html(SiteTemplates.render("landing.jte", view(ctx, contest, unit))));
    }

    private View view(Context ctx, Contest contest, Optional<Unit> unit) {
        ContestConfig c = contest.config();
        ZoneId zone = c.zone();
        Instant now = clock.instant();
        Timeline timeline = Timeline.of(contest, now);
        List<RoundLine> rounds = contest.rounds().stream().map(r -> new RoundLine(r.name(), Dates.at(r.opensAt(), zone),
                Dates.at(r.closesAt(), zone), roundStatus(r, now))).toList();
        Countdown countdown = timeline.next().map(n -> new Countdown(n.what(), Dates.at(n.at(), zone),
                Dates.remaining(java.time.Duration.between(now, n.at())), n.at().toEpochMilli())).orElse(null);
        List<PrizeGroup> prizes = c.prizes() == null ? List.of() : c.prizes().individual().stream()
                .map(g -> new PrizeGroup(c.group(g.group()).map(ContestConfig.GroupConfig::title).orElse("Nhóm " + g.group()),
                        g.levels().stream().map(l -> l.name() + ": " + l.count() + " giải").toList())).toList();
        String collective = c.prizes() == null || c.prizes().collective() == null || c.prizes().collective().count() == 0 ? null
                : collective(c.prizes().collective());
        String code = c.code();
        String path = unit.map(u -> SiteUrls.unitLanding(code, u.code())).orElse(SiteUrls.landing(code));
        String description = "Từ " + Dates.day(contest.opensAt(), zone) + " đến " + Dates.day(contest.closesAt(), zone)
                + (c.organizer() == null ? "" : ". " + c.organizer()) + ". Thi trực tuyến trên " + WaysIn.names(channels, c.code()) + ".";
        ShareTags share = new ShareTags(c.title(), description, urls.absolute(ctx, SiteUrls.landing(code)),
                urls.absolute(ctx, SiteUrls.shareImage(code)));
        return new View(share, code, c.title(), c.organizer(), timeline.status().label, Dates.at(contest.opensAt(), zone),
                Dates.at(contest.closesAt(), zone), rounds, countdown, c.eligibility() == null ? 0 : c.eligibility().minAge(),
                c.eligibility() == null ? null : c.eligibility().residencyStatement(),
                c.groups().stream().map(ContestConfig.GroupConfig::title).toList(), contest.rounds().size() > 1, prizes, collective,
                c.rules(), unit.map(u -> contest.unitLabel(u.id())).orElse(null), WaysIn.of(channels, code, unit.map(Unit::code)),
                SiteUrls.standings(code), SiteUrls.winners(code));
    }

    private static String roundStatus(Round r, Instant now) {
        return r.isOpen(now) ? "Đang diễn ra" : r.isClosed(now) ? "Đã kết thúc" : "Sắp diễn ra";
    }

    private static String collective(ContestConfig.CollectivePrizes p) {
        String by = p.by() == ContestConfig.UnitMeasure.PARTICIPATION_RATE
                ? "tỷ lệ người tham gia so với số người của đơn vị" : "số người tham gia";
        return p.count() + " giải tập thể «" + p.name() + "» cho các đơn vị dẫn đầu, xét theo " + by + ".";
    }
}
