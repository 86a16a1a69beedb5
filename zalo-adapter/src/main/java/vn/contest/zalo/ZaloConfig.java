package vn.contest.zalo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.contest.core.config.BadSetting;
import vn.contest.core.verify.CodeBudget;

/**
 * ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, and the first token pair ZALO_ACCESS_TOKEN and
 * ZALO_REFRESH_TOKEN (later pairs live in the database). ZALO_API_URL and ZALO_OAUTH_URL let a local
 * stand-in take Zalo's place. Without them the channel is off. ZALO_ZNS_OTP_TEMPLATE_ID (an approved ZNS OTP
 * template) turns on one-time codes for phones typed on the web; ZALO_ZNS_URL is where ZNS lives.
 * ZALO_SITE_VERIFICATION is the code of the console's "Xác thực domain" (served as the home page's meta tag and
 * the zalo_verifier file); ZALO_USER_INFO_IMAGE_URL the phone card's picture (default: the app's own, under
 * PUBLIC_URL); ZALO_PAID_MESSAGES=true lets reminders and announcements reach people 48 hours to 7 days after they
 * last wrote, which Zalo bills to the OA. ZALO_OA_ID (the OA's number, from its page https://zalo.me/ID) gives the
 * public landing page its "Zalo OA" way in, a link and a QR code.
 *
 * @param publicUrl the address people use (PUBLIC_URL, no trailing slash), null when not set
 * @param oaId the OA's id (ZALO_OA_ID), null when not set: the landing page then shows no Zalo way in
 */
public record ZaloConfig(String appId, String appSecret, String oaSecretKey, String accessToken, String refreshToken,
                         String apiUrl, String oauthUrl, String znsOtpTemplateId, String znsUrl, Duration maxEventAge,
                         String siteVerification, String userInfoImageUrl, String publicUrl, boolean paidMessages,
                         CodeBudget znsBudget, String oaId) {
    /**
     * When Zalo sends an event again that our webhook did not take: 30 s, 5 min, 15 min, 30 min and 1 h after the
     * last try (docs.zaloplatforms.com, webhook overview); after that the webhook is switched off.
     */
    static final List<Duration> RETRY_SCHEDULE = List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1));
    /** Clocks, queues and a slow first try: room beyond the schedule before a signed event counts as a replay. */
    static final Duration RETRY_MARGIN = Duration.ofHours(1);
    /** The last retry comes about 2 h after the event; older signed events are replays (ZALO_MAX_EVENT_AGE). */
    static final Duration DEFAULT_MAX_EVENT_AGE = RETRY_SCHEDULE.stream().reduce(Duration.ZERO, Duration::plus).plus(RETRY_MARGIN);
    /** The picture the phone card shows when ZALO_USER_INFO_IMAGE_URL is not set, served by this app. */
    public static final String DEFAULT_IMAGE_PATH = "/zalo/chia-se-so-dien-thoai.png";

    /** Without the OA's id (no way in on the landing page). */
    public ZaloConfig(String appId, String appSecret, String oaSecretKey, String accessToken, String refreshToken,
                      String apiUrl, String oauthUrl, String znsOtpTemplateId, String znsUrl, Duration maxEventAge,
                      String siteVerification, String userInfoImageUrl, String publicUrl, boolean paidMessages, CodeBudget znsBudget) {
        this(appId, appSecret, oaSecretKey, accessToken, refreshToken, apiUrl, oauthUrl, znsOtpTemplateId, znsUrl, maxEventAge,
                siteVerification, userInfoImageUrl, publicUrl, paidMessages, znsBudget, null);
    }

    /** With the default budget for one-time codes (ZNS_PER_ADDRESS, ZNS_DAILY_BUDGET). */
    public ZaloConfig(String appId, String appSecret, String oaSecretKey, String accessToken, String refreshToken,
                      String apiUrl, String oauthUrl, String znsOtpTemplateId, String znsUrl, Duration maxEventAge,
                      String siteVerification, String userInfoImageUrl, String publicUrl, boolean paidMessages) {
        this(appId, appSecret, oaSecretKey, accessToken, refreshToken, apiUrl, oauthUrl, znsOtpTemplateId, znsUrl, maxEventAge,
                siteVerification, userInfoImageUrl, publicUrl, paidMessages, CodeBudget.DEFAULT);
    }

    /** Without one-time codes, a verification code, a picture or paid messages. */
    public ZaloConfig(String appId, String appSecret, String oaSecretKey, String accessToken, String refreshToken,
                      String apiUrl, String oauthUrl) {
        this(appId, appSecret, oaSecretKey, accessToken, refreshToken, apiUrl, oauthUrl, null, null, DEFAULT_MAX_EVENT_AGE,
                null, null, null, false);
    }

    static final List<String> REQUIRED = List.of("ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_ACCESS_TOKEN",
            "ZALO_REFRESH_TOKEN");

    public static Optional<ZaloConfig> fromEnv(Map<String, String> env) {
        List<String> missing = REQUIRED.stream().filter(k -> blank(env.get(k))).toList();
        if (missing.size() == REQUIRED.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Zalo channel half configured; missing " + String.join(", ", missing));
        }
        String verification = optional(env, "ZALO_SITE_VERIFICATION");
        if (verification != null && !verification.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new IllegalArgumentException("ZALO_SITE_VERIFICATION must be the code from the console's \"Xác thực domain\" page"
                    + " (letters, digits, _ and -), the content of its meta tag zalo-platform-site-verification");
        }
        String image = optional(env, "ZALO_USER_INFO_IMAGE_URL");
        if (image != null && !image.startsWith("https://")) {
            throw new IllegalArgumentException("ZALO_USER_INFO_IMAGE_URL must be an https:// address of a PNG or JPG picture");
        }
        String paid = optional(env, "ZALO_PAID_MESSAGES");
        if (paid != null && !paid.equalsIgnoreCase("true") && !paid.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("ZALO_PAID_MESSAGES must be true or false");
        }
        String publicUrl = optional(env, "PUBLIC_URL");
        String oaId = optional(env, "ZALO_OA_ID");
        if (oaId != null && !oaId.matches("[0-9]{1,30}")) {
            throw new IllegalArgumentException("ZALO_OA_ID must be the OA's number, as in its address https://zalo.me/<number>");
        }
        return Optional.of(new ZaloConfig(env.get("ZALO_APP_ID").trim(), env.get("ZALO_APP_SECRET").trim(),
                env.get("ZALO_OA_SECRET_KEY").trim(), env.get("ZALO_ACCESS_TOKEN").trim(), env.get("ZALO_REFRESH_TOKEN").trim(),
                strip(env.getOrDefault("ZALO_API_URL", "https://openapi.zalo.me")),
                strip(env.getOrDefault("ZALO_OAUTH_URL", "https://oauth.zaloapp.com")),
                optional(env, "ZALO_ZNS_OTP_TEMPLATE_ID"),
                strip(env.getOrDefault("ZALO_ZNS_URL", "https://business.openapi.zalo.me")),
                blank(env.get("ZALO_MAX_EVENT_AGE")) ? DEFAULT_MAX_EVENT_AGE : duration(env.get("ZALO_MAX_EVENT_AGE").strip()),
                verification, image, publicUrl == null ? null : strip(publicUrl), "true".equalsIgnoreCase(paid), znsBudget(env), oaId));
    }

    /**
     * ZNS_PER_ADDRESS (codes from one client network in 10 minutes, default 10) and ZNS_DAILY_BUDGET (codes a day for
     * the whole OA, default 1,000): each one-time code is a paid message.
     */
    static CodeBudget znsBudget(Map<String, String> env) {
        CodeBudget d = CodeBudget.DEFAULT;
        return new CodeBudget(count(env, "ZNS_PER_ADDRESS", d.perAddress(), "codes one client address may ask for in 10 minutes"),
                d.addressWindow(), count(env, "ZNS_DAILY_BUDGET", d.perDay(), "one-time codes the OA may send in a day"));
    }

    private static int count(Map<String, String> env, String name, int fallback, String meaning) {
        String v = optional(env, name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new BadSetting(name, "\"" + v + "\" is not a whole number from 1 to 1000000", "Set it to the number of " + meaning
                + " (default " + fallback + "), or leave it unset");
    }

    /**
     * The phone card's picture: ZALO_USER_INFO_IMAGE_URL, else the app's own over PUBLIC_URL when that is https
     * (Zalo fetches it), else none.
     */
    public Optional<String> cardImage() {
        if (userInfoImageUrl != null) {
            return Optional.of(userInfoImageUrl);
        }
        return publicUrl != null && publicUrl.startsWith("https://") ? Optional.of(publicUrl + DEFAULT_IMAGE_PATH) : Optional.empty();
    }

    /** "2h", "90m", "7200s", or ISO-8601 ("PT2H"). */
    static Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([hms])").matcher(text.toLowerCase());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(text.toUpperCase());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("ZALO_MAX_EVENT_AGE must look like 2h, 90m or 7200s, not \"" + text + "\"");
        }
    }

    private static String optional(Map<String, String> env, String key) {
        return blank(env.get(key)) ? null : env.get(key).strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
