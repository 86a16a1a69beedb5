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
                         String apiUrl, String oauthUrl, String znsOtpTemplateId, String znsUrl, java.time.Duration maxEventAge) {
    /** Zalo retries a failed event for about an hour; older signed events are replays (ZALO_MAX_EVENT_AGE). */
    static final java.time.Duration DEFAULT_MAX_EVENT_AGE = java.time.Duration.ofHours(2);

    /** Without one-time codes. */
    public ZaloConfig(String appId, String appSecret, String oaSecretKey, String accessToken, String refreshToken,
                      String apiUrl, String oauthUrl) {
        this(appId, appSecret, oaSecretKey, accessToken, refreshToken, apiUrl, oauthUrl, null, null, DEFAULT_MAX_EVENT_AGE);
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
                strip(env.getOrDefault("ZALO_ZNS_URL", "https://business.openapi.zalo.me")),
                env.get("ZALO_MAX_EVENT_AGE") == null || env.get("ZALO_MAX_EVENT_AGE").isBlank() ? DEFAULT_MAX_EVENT_AGE
                        : duration(env.get("ZALO_MAX_EVENT_AGE").strip())));
    }

    /** "2h", "90m", "7200s", or ISO-8601 ("PT2H"). */
    static java.time.Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([hms])").matcher(text.toLowerCase());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "h" -> java.time.Duration.ofHours(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                default -> java.time.Duration.ofSeconds(n);
            };
        }
        try {
            return java.time.Duration.parse(text.toUpperCase());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("ZALO_MAX_EVENT_AGE must look like 2h, 90m or 7200s, not \"" + text + "\"");
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
