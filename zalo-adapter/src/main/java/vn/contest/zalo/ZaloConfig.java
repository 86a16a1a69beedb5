package vn.contest.zalo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, and the first token pair ZALO_ACCESS_TOKEN and
 * ZALO_REFRESH_TOKEN (later pairs live in the database). ZALO_API_URL and ZALO_OAUTH_URL let a local
 * stand-in take Zalo's place. Without them the channel is off. ZALO_ZNS_OTP_TEMPLATE_ID (an approved ZNS OTP
 * template) turns on one-time codes for phones typed on the web; ZALO_ZNS_URL is where ZNS lives.
 */
public record ZaloConfig(String appId, String appSecret, String oaSecretKey, String accessToken, String refreshToken,
                         String apiUrl, String oauthUrl, String znsOtpTemplateId, String znsUrl) {

    /** Without one-time codes. */
    public ZaloConfig(String appId, String appSecret, String oaSecretKey, String accessToken, String refreshToken,
                      String apiUrl, String oauthUrl) {
        this(appId, appSecret, oaSecretKey, accessToken, refreshToken, apiUrl, oauthUrl, null, null);
    }

    static final List<String> REQUIRED = List.of("ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_ACCESS_TOKEN",
            "ZALO_REFRESH_TOKEN");

    public static Optional<ZaloConfig> fromEnv(Map<String, String> env) {
        List<String> missing = REQUIRED.stream().filter(k -> env.get(k) == null || env.get(k).isBlank()).toList();
        if (missing.size() == REQUIRED.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Zalo channel half configured; missing " + String.join(", ", missing));
        }
        return Optional.of(new ZaloConfig(env.get("ZALO_APP_ID").trim(), env.get("ZALO_APP_SECRET").trim(),
                env.get("ZALO_OA_SECRET_KEY").trim(), env.get("ZALO_ACCESS_TOKEN").trim(), env.get("ZALO_REFRESH_TOKEN").trim(),
                strip(env.getOrDefault("ZALO_API_URL", "https://openapi.zalo.me")),
                strip(env.getOrDefault("ZALO_OAUTH_URL", "https://oauth.zaloapp.com")),
                env.get("ZALO_ZNS_OTP_TEMPLATE_ID") == null || env.get("ZALO_ZNS_OTP_TEMPLATE_ID").isBlank() ? null
                        : env.get("ZALO_ZNS_OTP_TEMPLATE_ID").trim(),
                strip(env.getOrDefault("ZALO_ZNS_URL", "https://business.openapi.zalo.me"))));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
