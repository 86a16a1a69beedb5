package vn.contest.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.ranking.PublishedResults;

/**
 * The winners at {@code /c/<code>/giai-thuong}, once the committee has published a confirmed prize list (the admin
 * web's results page): prize, name, unit, group, score, time and the phone masked, the collective prizes too; before
 * that, or after a withdrawal, when results are expected. Read from {@link PublishedResults} only, so nothing personal
 * beyond a published list's public fields can reach it; served from {@link PublicCache}, and dropped from it when the
 * committee publishes or withdraws ({@link #changed}).
 */
public final class WinnersPage {
    static final String INDIVIDUAL = "Cá nhân";

    private final Jdbi jdbi;
    private final Contests contests;
    private final SiteUrls urls;
    private final PublicCache cache;

    public WinnersPage(Jdbi jdbi, Contests contests, SiteUrls urls, PublicCache cache) {
        this.jdbi = jdbi;
        this.contests = contests;
        this.urls = urls;
        this.cache = cache;
    }

    /** One prize line as shown. */
    public record Line(String prize, String name, String unit, String group, String score, String time, String phone) {}

    /** The individual prizes of one round (or of the whole contest). */
    public record Round(String anchor, String name, List<Line> lines) {}

    /** One unit's collective prize. */
    public record UnitLine(int rank, String prize, String unit, String score) {}

    /**
     * {@code expected}: when results are expected, shown while nothing is published; {@code publishedOn}: the day the
     * committee published the list.
     */
    public record View(String title, String organizer, String landing, String standings, String expected, String publishedOn,
                       List<Round> rounds, List<UnitLine> units, ShareTags share) {
        public boolean published() {
            return publishedOn != null;
        }
    }

    /** The committee published or withdrew the contest's list (committed): the page is built again on its next request. */
    public static void changed(PublicCache cache, String contestCode) {
        cache.renew(SiteUrls.winners(contestCode));
    }

    public void serve(Context ctx) {
        Optional<Contest> found = contests.byCode(ctx.pathParam("code"));
        if (found.isEmpty()) {
            NotFound.page(ctx); // not cached: made-up codes never fill the cache
            return;
        }
        Contest contest = found.get();
        String page = SiteUrls.winners(contest.config().code());
        cache.serve(ctx, page + "@" + cache.generation(page) + "@" + urls.base(ctx),
                () -> PublicCache.Rendered.html(SiteTemplates.render("winners.jte", view(contest, share(ctx, contest)))));
        // A withdrawal must take the names off screens at once: browsers and shared caches keep the page but ask again
        // each time, answered by a bare 304 from memory while it is unchanged.
        ctx.header("Cache-Control", "public, no-cache");
    }

    private ShareTags share(Context ctx, Contest contest) {
        String code = contest.config().code();
        return new ShareTags("Danh sách đoạt giải: " + contest.config().title(),
                "Các cá nhân và đơn vị đoạt giải " + contest.config().title() + ", theo danh sách Ban Tổ chức công bố.",
                urls.absolute(ctx, SiteUrls.winners(code)), urls.absolute(ctx, SiteUrls.shareImage(code)));
    }

    View view(Contest contest, ShareTags share) {
        var zone = contest.config().zone();
        String code = contest.config().code();
        // The publication and its lines in one read, so a withdrawal in between cannot show half of either.
        var published = jdbi.inTransaction(h -> PublishedResults.current(h, contest.id())
                .map(p -> Map.entry(p, PublishedResults.lines(h, contest.id()))));
        String expected = "Kết quả sẽ được công bố sau khi Ban Tổ chức xác nhận, dự kiến sau ngày "
                + Dates.day(contest.closesAt(), zone) + ".";
        if (published.isEmpty()) {
            return new View(contest.config().title(), contest.config().organizer(), SiteUrls.landing(code), SiteUrls.standings(code),
                    expected, null, List.of(), List.of(), share);
        }
        Map<String, List<Line>> byRound = new LinkedHashMap<>();
        List<UnitLine> units = new ArrayList<>();
        for (PublishedResults.Line l : published.get().getValue()) {
            if (INDIVIDUAL.equals(l.kind())) {
                byRound.computeIfAbsent(l.round(), r -> new ArrayList<>()).add(new Line(l.prize(), l.name(), l.unit(), l.group(),
                        l.score(), l.time().isEmpty() ? "—" : l.time(), l.maskedPhone()));
            } else {
                units.add(new UnitLine(l.rank(), l.prize(), l.unit(), l.score()));
            }
        }
        return new View(contest.config().title(), contest.config().organizer(), SiteUrls.landing(code), SiteUrls.standings(code),
                expected, Dates.day(published.get().getKey().publishedAt(), zone),
                rounds(byRound), units, share);
    }

    private static List<Round> rounds(Map<String, List<Line>> byRound) {
        List<Round> rounds = new ArrayList<>();
        byRound.forEach((name, lines) -> rounds.add(new Round("dot-" + (rounds.size() + 1), name, List.copyOf(lines))));
        return rounds;
    }
}
