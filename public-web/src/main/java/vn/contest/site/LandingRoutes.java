package vn.contest.site;

import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.List;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.Contests;

/**
 * The front page and each contest's landing page with its pictures:
 * <pre>
 * GET /, /index.html                       the contests, open, coming and past (a query: on to the chat page)
 * GET /c/CODE[?don-vi=UNIT]                the landing page, the ways in carrying the unit
 * GET /c/CODE/anh-chia-se.png              the share image (1200x630)
 * GET /c/CODE/ma-qr/CHANNEL.png[?don-vi=]  the QR code of a way in
 * GET /c/CODE/chia-se[?diem=R-T&amp;ky=SIG]  a participant's share card (the score only when signed), and its .png
 * </pre>
 */
final class LandingRoutes {
    private LandingRoutes() {}

    static void install(JavalinConfig config, Contests contests, List<? extends Channel<?>> channels, SiteUrls urls, PublicCache cache,
                        Clock clock, byte[] shareKey) {
        FrontPage front = new FrontPage(contests, channels, urls, cache, clock);
        LandingPage landing = new LandingPage(contests, channels, urls, cache, clock);
        ContestImages images = new ContestImages(contests, channels, urls, cache);
        ShareCardPage card = new ShareCardPage(contests, channels, urls, cache, shareKey);
        for (String path : FrontPage.PATHS) {
            config.routes.get(path, front::serve);
        }
        config.routes.get("/c/{code}", landing::serve);
        config.routes.get("/c/{code}/anh-chia-se.png", images::share);
        config.routes.get("/c/{code}/ma-qr/{channel}", images::qr);
        config.routes.get("/c/{code}/chia-se", card::page);
        config.routes.get("/c/{code}/chia-se.png", card::image);
    }
}
