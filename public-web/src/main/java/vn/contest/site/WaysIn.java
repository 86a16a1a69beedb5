package vn.contest.site;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.StartLink;

/**
 * The ways in a landing page offers: one per configured channel that gives a link ({@link Channel#joinLink}),
 * the web chat first ("Thi ngay trên web"), then Zalo and Telegram as the plan names them, then any other. With a
 * unit the links carry it; where a platform's link cannot (a Zalo OA), the page says what to send instead.
 */
public final class WaysIn {
    /** Channels in the order the page shows them; any other after these. */
    private static final List<String> ORDER = List.of("web", "zalo", "telegram", "messenger");

    /**
     * @param channel  the channel's id
     * @param heading  what the page calls it
     * @param url      where the link goes
     * @param qr       the path of its QR code, null for the web chat (the visitor is on the web already)
     * @param send     what to send the bot to be recorded for the unit, where the link cannot carry it; else null
     */
    public record Way(String channel, String heading, String url, String qr, String send) {
        public boolean web() {
            return "web".equals(channel);
        }
    }

    private WaysIn() {}

    static List<Way> of(List<? extends Channel<?>> channels, String contestCode, Optional<String> unitCode) {
        return channels.stream()
                .sorted(Comparator.comparingInt(c -> ORDER.contains(c.id()) ? ORDER.indexOf(c.id()) : ORDER.size()))
                .flatMap(c -> c.joinLink(contestCode, unitCode).map(url -> way(c, url, contestCode, unitCode)).stream())
                .toList();
    }

    /** "web, Zalo OA và Telegram": the ways in this deployment offers, for a card's description. */
    static String names(List<? extends Channel<?>> channels, String contestCode) {
        List<String> names = of(channels, contestCode, java.util.Optional.empty()).stream()
                .map(w -> w.web() ? "web" : w.heading()).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " và " + names.get(names.size() - 1);
    }

    private static Way way(Channel<?> c, String url, String contestCode, Optional<String> unitCode) {
        boolean web = "web".equals(c.id());
        // A link that is the same with and without the unit does not carry it: the person sends the start command.
        String send = unitCode.filter(u -> c.joinLink(contestCode, Optional.empty()).map(url::equals).orElse(false))
                .map(u -> "/start " + StartLink.of(contestCode, u, 64)).orElse(null);
        String qr = web ? null : SiteUrls.landing(contestCode) + "/ma-qr/" + SiteUrls.encode(c.id()) + ".png"
                + unitCode.map(u -> "?don-vi=" + SiteUrls.encode(u)).orElse("");
        String heading = web ? "Thi ngay trên web" : "zalo".equals(c.id()) ? "Zalo OA" : c.label();
        return new Way(c.id(), heading, url, qr, send);
    }
}
