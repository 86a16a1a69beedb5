package vn.contest.site;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import vn.contest.core.channel.Channel;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.contest.Unit;

/**
 * A contest's pictures: its share image ({@code /c/CODE/anh-chia-se.png}, the card a posted link shows) and the
 * QR code of each way in on its landing page ({@code /c/CODE/ma-qr/CHANNEL.png?don-vi=UNIT}), both from
 * {@link PublicCache}: drawn once per freshness period whatever the crowd.
 */
final class ContestImages {
    private final Contests contests;
    private final List<? extends Channel<?>> channels;
    private final SiteUrls urls;
    private final PublicCache cache;

    ContestImages(Contests contests, List<? extends Channel<?>> channels, SiteUrls urls, PublicCache cache) {
        this.contests = contests;
        this.channels = channels;
        this.urls = urls;
        this.cache = cache;
    }

    void share(Context ctx) {
        Optional<Contest> found = contests.byCode(ctx.pathParam("code"));
        if (found.isEmpty()) {
            NotFound.page(ctx);
            return;
        }
        ContestConfig c = found.get().config();
        String page = urls.absolute(ctx, SiteUrls.landing(c.code()));
        cache.serve(ctx, SiteUrls.shareImage(c.code()) + "@" + page, () -> PublicCache.Rendered.of(ShareImage.png(
                c.organizer() == null ? "Cuộc thi trực tuyến" : c.organizer(), c.title(),
                List.of("Từ " + Dates.at(found.get().opensAt(), c.zone()), "đến " + Dates.at(found.get().closesAt(), c.zone()),
                        "Thi trên " + WaysIn.names(channels, c.code())), page), "image/png"));
    }

    void qr(Context ctx) {
        Optional<Contest> found = contests.byCode(ctx.pathParam("code"));
        if (found.isEmpty()) {
            NotFound.page(ctx);
            return;
        }
        Contest contest = found.get();
        Optional<String> unit = Optional.ofNullable(ctx.queryParam(LandingPage.UNIT_PARAM)).flatMap(contest::unitByCode).map(Unit::code);
        String file = ctx.pathParam("channel");
        if (!file.endsWith(".png")) {
            NotFound.page(ctx);
            return;
        }
        String channel = file.substring(0, file.length() - ".png".length());
        Optional<String> link = channels.stream().filter(c -> c.id().equals(channel)).findFirst()
                .flatMap(c -> c.joinLink(contest.config().code(), unit));
        if (link.isEmpty()) {
            NotFound.page(ctx);
            return;
        }
        String url = urls.absolute(ctx, link.get());
        cache.serve(ctx, "qr:" + url, () -> PublicCache.Rendered.of(QrCodes.png(url, 360), "image/png"));
    }
}
