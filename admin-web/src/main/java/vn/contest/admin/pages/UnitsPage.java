package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.contest.admin.AdminContext;
import vn.contest.site.QrCodes;
import vn.contest.site.SiteUrls;
import vn.contest.site.StandingsPage;
import vn.contest.admin.Templates;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Unit;

/**
 * Each unit's links and QR codes, so participation is attributed to the unit whose poster brought it. Every
 * channel says itself how to link to a unit ({@link Channel#unitLink}); this page lists the ones that do.
 */
public final class UnitsPage {
    private final Supplier<Contest> live;
    private final List<? extends Channel<?>> channels;
    private final SiteUrls site;

    /** {@code site}: the public site's addresses, for the standings widget's embed snippet. */
    public UnitsPage(Supplier<Contest> live, List<? extends Channel<?>> channels, SiteUrls site) {
        this.live = live;
        this.channels = channels;
        this.site = site;
    }

    /** One channel's link for a unit; its QR code is at /admin/units/CODE/qr.png?to=CHANNEL. */
    public record Link(String channel, String url) {}

    /** The QR code of the unit's landing page rather than of a channel ({@code ?to=trang}). */
    static final String LANDING = "trang";

    /** A unit with one entry per column: empty where that channel gives this unit no link. */
    public record Row(String code, String name, String landing, List<Optional<Link>> links) {}

    /** {@code columns}: the labels of the channels that give links; {@code unlinked}: those of the others. */
    /** {@code embed}: the iframe of the public standings widget, for the units' portals. */
    public record View(Page page, List<String> columns, List<Row> rows, List<String> unlinked, String embed) {}

    private Contest contest() {
        return live.get();
    }

    public void list(Context ctx) {
        Contest contest = contest();
        List<? extends Channel<?>> linking = channels.stream()
                .filter(c -> contest.units().stream().anyMatch(u -> c.unitLink(contest.config().code(), u.code()).isPresent())).toList();
        List<Row> rows = contest.units().stream().map(u -> new Row(u.code(), contest.unitLabel(u.id()),
                site.absolute(ctx, SiteUrls.unitLanding(contest.config().code(), u.code())),
                linking.stream().map(c -> c.unitLink(contest.config().code(), u.code()).map(url -> new Link(c.id(), url))).toList())).toList();
        List<String> unlinked = channels.stream().filter(c -> !linking.contains(c)).map(Channel::label).toList();
        ctx.html(Templates.render("units.jte", new View(AdminContext.page(ctx, contest, "Đường dẫn và mã QR của đơn vị", "units"),
                linking.stream().map(Channel::label).toList(), rows, unlinked,
                StandingsPage.embedSnippet(site.absolute(ctx, StandingsPage.widgetPath(contest.config().code())), contest.config().title()))));
    }

    /** The QR code of the channel {@code to} names, or of the first channel giving a link. */
    public void qr(Context ctx) {
        Unit unit = contest().unitByCode(ctx.pathParam("code")).orElseThrow(() -> new NotFoundResponse("Không có đơn vị này."));
        String to = ctx.queryParam("to");
        if (LANDING.equals(to)) {
            String landing = site.absolute(ctx, SiteUrls.unitLanding(contest().config().code(), unit.code()));
            ctx.header("Content-Disposition", "inline; filename=\"qr-" + unit.code() + "-trang.png\"")
                    .contentType("image/png").result(QrCodes.png(landing, 600));
            return;
        }
        for (Channel<?> c : channels) {
            Optional<String> link = to == null || c.id().equals(to) ? c.unitLink(contest().config().code(), unit.code()) : Optional.empty();
            if (link.isPresent()) {
                ctx.header("Content-Disposition", "inline; filename=\"qr-" + unit.code() + "-" + c.id() + ".png\"")
                        .contentType("image/png").result(QrCodes.png(link.get(), 600));
                return;
            }
        }
        throw new NotFoundResponse("Kênh này không có đường dẫn cho đơn vị.");
    }
}
