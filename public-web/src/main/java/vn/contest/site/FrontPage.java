package vn.contest.site;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;

/**
 * The site's front page at {@code /}: the contests open now, coming and past, each linking to its landing page.
 * Its head carries the meta tags the platforms' consoles verify the domain by ({@link Channel#homePageMeta}).
 * A query on {@code /} is a chat link printed before the chat moved to its own page ({@code /?contest=..&unit=..},
 * older {@code /?unit=..}): it is sent on to the chat page with the query kept, so every poster keeps working.
 */
public final class FrontPage {
    static final List<String> PATHS = List.of("/", "/index.html");
    /** The chat page (the web channel's {@code CHAT_PATH}; public-web does not depend on the web adapter). */
    static final String CHAT_PATH = "/thi";
    private static final List<String> CHAT_PARAMETERS = List.of("start", "contest", "unit");

    public record Item(String title, String organizer, String from, String to, String path) {}

    public record View(ShareTags share, Map<String, String> meta, List<Item> open, List<Item> coming, List<Item> past) {}

    private final Contests contests;
    private final Map<String, String> meta;
    private final SiteUrls urls;
    private final PublicCache cache;
    private final Clock clock;

    FrontPage(Contests contests, List<? extends Channel<?>> channels, SiteUrls urls, PublicCache cache, Clock clock) {
        this.contests = contests;
        Map<String, String> tags = new TreeMap<>();
        channels.forEach(c -> tags.putAll(c.homePageMeta()));
        this.meta = Map.copyOf(tags);
        this.urls = urls;
        this.cache = cache;
        this.clock = clock;
    }

    void serve(Context ctx) {
        String query = ctx.queryString();
        // Links printed before the chat moved to its own page carry these; a share's own tags (fbclid, utm_...) do not.
        if (query != null && CHAT_PARAMETERS.stream().anyMatch(p -> ctx.queryParam(p) != null)) {
            ctx.redirect(CHAT_PATH + "?" + query, io.javalin.http.HttpStatus.FOUND);
            return;
        }
        cache.serve(ctx, "/@" + urls.base(ctx), () -> PublicCache.Rendered.html(SiteTemplates.render("front.jte", view(ctx))));
    }

    private View view(Context ctx) {
        Instant now = clock.instant();
        List<Contest> all = contests.all();
        ShareTags share = new ShareTags("Các cuộc thi trực tuyến", "Các cuộc thi tìm hiểu trực tuyến đang diễn ra, sắp diễn ra và đã kết thúc:"
                + " thi trên web, Zalo và Telegram.", urls.absolute(ctx, "/"),
                all.isEmpty() ? null : urls.absolute(ctx, SiteUrls.shareImage(all.get(0).config().code())));
        return new View(share, meta, items(all, now, Timeline.Status.OPEN), items(all, now, Timeline.Status.COMING),
                latestFirst(items(all, now, Timeline.Status.PAST)));
    }

    private static List<Item> latestFirst(List<Item> items) {
        List<Item> reversed = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static List<Item> items(List<Contest> all, Instant now, Timeline.Status status) {
        return all.stream().filter(c -> Timeline.of(c, now).status() == status)
                .map(c -> new Item(c.config().title(), c.config().organizer(), Dates.at(c.opensAt(), c.config().zone()),
                        Dates.at(c.closesAt(), c.config().zone()), SiteUrls.landing(c.config().code()))).toList();
    }
}
