package vn.contest.site;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public pages' addresses: the paths of each contest's pages in one place (the pages link to each other), and
 * absolute addresses for share cards and QR codes, under PUBLIC_URL when it is set, else the address the request
 * came to.
 */
public final class SiteUrls {
    private final String publicUrl;

    public SiteUrls(String publicUrl) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceFirst("/+$", "");
    }

    public static String landing(String contestCode) {
        return "/c/" + encode(contestCode);
    }

    /** The landing page opened through a unit's link: its ways in carry the unit (one QR code for a poster, every channel). */
    public static String unitLanding(String contestCode, String unitCode) {
        return landing(contestCode) + "?" + LandingPage.UNIT_PARAM + "=" + encode(unitCode);
    }

    public static String standings(String contestCode) {
        return landing(contestCode) + "/thong-ke";
    }

    public static String winners(String contestCode) {
        return landing(contestCode) + "/giai-thuong";
    }

    public static String shareImage(String contestCode) {
        return landing(contestCode) + "/anh-chia-se.png";
    }

    /** The site's root as people reach it: PUBLIC_URL, or this request's scheme and host. */
    public String base(Context ctx) {
        return publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host();
    }

    /** {@code path} (starting with /) under {@link #base}. */
    public String absolute(Context ctx, String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : base(ctx) + path;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
