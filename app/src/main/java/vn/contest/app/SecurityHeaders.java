package vn.contest.app;

import io.javalin.http.Context;
import vn.contest.site.StandingsPage;

/**
 * Headers on every response: a Content-Security-Policy that allows scripts, styles and images from this site
 * only (the pages have no inline script or style), no framing, no type sniffing, no referrer to other sites,
 * and HSTS when the public address is https. The one exception to "no framing" is the standings widget, made to be
 * put in an iframe on the portals ({@link StandingsPage#frameable}).
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The same for the standings widget, which any site may frame. */
    static final String CSP_FRAMEABLE = CSP.replace("frame-ancestors 'none'", "frame-ancestors *");

    private SecurityHeaders() {}

    static boolean hsts(String publicUrl) {
        return publicUrl != null && publicUrl.strip().toLowerCase().startsWith("https://");
    }

    static void apply(Context ctx, boolean hsts) {
        boolean frameable = StandingsPage.frameable(ctx.path());
        ctx.header("Content-Security-Policy", frameable ? CSP_FRAMEABLE : CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        if (!frameable) {
            ctx.header("X-Frame-Options", "DENY");
        }
        if (hsts) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
