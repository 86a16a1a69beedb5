package vn.contest.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.contest.core.channel.Channel;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.contest.ShareLinks;

/**
 * A participant's share card, {@code /c/CODE/chia-se}: "Tôi đã tham gia cuộc thi ..." with the contest's card
 * image, and the score only when the link carries one the server signed ({@link ShareLinks}); a score that does not
 * verify is not shown (the card without it). It names no person. Its image is {@code /c/CODE/chia-se.png} with
 * the same query.
 */
public final class ShareCardPage {
    public record View(ShareTags share, String heading, String title, String score, String image, String landing) {}

    private final Contests contests;
    private final List<? extends Channel<?>> channels;
    private final SiteUrls urls;
    private final PublicCache cache;
    private final byte[] key;

    ShareCardPage(Contests contests, List<? extends Channel<?>> channels, SiteUrls urls, PublicCache cache,
                  byte[] key) {
        this.contests = contests;
        this.channels = channels;
        this.urls = urls;
        this.cache = cache;
        this.key = key.clone();
    }

    void page(Context ctx) {
        Optional<Contest> found = contests.byCode(ctx.pathParam("code"));
        if (found.isEmpty()) {
            NotFound.page(ctx);
            return;
        }
        ContestConfig c = found.get().config();
        Optional<ShareLinks.Score> score = score(ctx, c);
        String query = query(ctx, score);
        cache.serve(ctx, ShareLinks.path(c.code()) + query + "@" + urls.base(ctx), () -> {
            String heading = heading(score);
            String description = "Cuộc thi trực tuyến" + (c.organizer() == null ? "" : " do " + c.organizer() + " tổ chức")
                    + ". Bạn cũng có thể tham gia trên " + WaysIn.names(channels, c.code()) + ".";
            ShareTags share = new ShareTags(heading + " cuộc thi «" + c.title() + "»", description,
                    urls.absolute(ctx, ShareLinks.path(c.code()) + query), urls.absolute(ctx, ShareLinks.path(c.code()) + ".png" + query));
            return PublicCache.Rendered.html(SiteTemplates.render("share-card.jte", new View(share, heading, c.title(),
                    score.map(s -> "Số câu trả lời đúng: " + s.right() + "/" + s.total()).orElse(null), ShareLinks.path(c.code()) + ".png" + query,
                    SiteUrls.landing(c.code()))));
        });
    }

    void image(Context ctx) {
        Optional<Contest> found = contests.byCode(ctx.pathParam("code"));
        if (found.isEmpty()) {
            NotFound.page(ctx);
            return;
        }
        Contest contest = found.get();
        ContestConfig c = contest.config();
        Optional<ShareLinks.Score> score = score(ctx, c);
        String landing = urls.absolute(ctx, SiteUrls.landing(c.code()));
        cache.serve(ctx, ShareLinks.path(c.code()) + ".png" + query(ctx, score) + "@" + landing, () -> {
            List<String> lines = new ArrayList<>();
            score.ifPresent(s -> lines.add("Số câu trả lời đúng: " + s.right() + "/" + s.total()));
            lines.add("Từ " + Dates.day(contest.opensAt(), c.zone()) + " đến " + Dates.day(contest.closesAt(), c.zone()));
            lines.add("Bạn cũng tham gia nhé!");
            return PublicCache.Rendered.of(ShareImage.png(heading(score) + " cuộc thi", c.title(), lines, landing), "image/png");
        });
    }

    private static String heading(Optional<ShareLinks.Score> score) {
        return score.isPresent() ? "Tôi đã hoàn thành" : "Tôi đã tham gia";
    }

    private Optional<ShareLinks.Score> score(Context ctx, ContestConfig c) {
        return ShareLinks.verified(key, c.code(), ctx.queryParam(ShareLinks.SCORE_PARAM), ctx.queryParam(ShareLinks.SIGNATURE_PARAM));
    }

    /** The query of a verified score as the server writes it; nothing for none (so a forged one is the plain card). */
    private static String query(Context ctx, Optional<ShareLinks.Score> score) {
        return score.map(s -> "?" + ShareLinks.SCORE_PARAM + "=" + s.right() + "-" + s.total() + "&" + ShareLinks.SIGNATURE_PARAM + "="
                + ctx.queryParam(ShareLinks.SIGNATURE_PARAM)).orElse("");
    }
}
