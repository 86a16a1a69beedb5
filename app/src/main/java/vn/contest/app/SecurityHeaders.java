package vn.contest.app;

import io.javalin.http.Context;

/**
 * Headers on every response: a Content-Security-Policy that allows scripts, styles and images from this site
 * only (the pages have no inline script or style), no framing, no type sniffing, no referrer to other sites,
 * and HSTS when the public address is https.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static boolean hsts(String publicUrl) {
        return publicUrl != null && publicUrl.strip().toLowerCase().startsWith("https://");
    }

    static void apply(Context ctx, boolean hsts) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        if (hsts) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
