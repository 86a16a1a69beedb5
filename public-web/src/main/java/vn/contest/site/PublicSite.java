package vn.contest.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.Contests;
import vn.contest.core.contest.ShareLinks;
import vn.contest.core.store.AppKeys;

/**
 * The contest's public face: what a visitor from the province's portal, the press or the fanpage reads without
 * taking part. Every page here is built from counts and confirmed lists only, never from a person's record, and
 * is served from {@link PublicCache}, so a crowd reading it costs the database nothing per request.
 */
public final class PublicSite {
    /** How stale a public page may be: the standings follow participation within this. */
    public static final Duration FRESHNESS = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Contests contests;
    private final List<? extends Channel<?>> channels;
    private final String publicUrl;
    private final Clock clock;
    private final PublicCache cache = new PublicCache(FRESHNESS);

    public PublicSite(Jdbi jdbi, Contests contests, List<? extends Channel<?>> channels, String publicUrl, Clock clock) {
        this.jdbi = jdbi;
        this.contests = contests;
        this.channels = List.copyOf(channels);
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The cache every public page is served from (the admin web drops a contest's pages when it publishes). */
    public PublicCache cache() {
        return cache;
    }

    public void install(JavalinConfig config) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/site-assets";
            sf.directory = "/site-assets";
            sf.location = Location.CLASSPATH;
        });
        SiteUrls urls = new SiteUrls(publicUrl);
        // The front page, the landing pages and their images; the standings with their widget and JSON; the winners.
        LandingRoutes.install(config, contests, channels, urls, cache, clock, AppKeys.get(jdbi, ShareLinks.KEY_NAME));
        new StandingsPage(jdbi, contests, cache, clock).install(config);
        config.routes.get("/c/{code}/giai-thuong", new WinnersPage(jdbi, contests, urls, cache)::serve);
    }
}
