package vn.contest.messenger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.contest.core.config.BadSetting;

/**
 * MESSENGER_PAGE_TOKEN (the Page access token that sends), MESSENGER_APP_SECRET (the Meta app's secret, which signs
 * webhook events) and MESSENGER_VERIFY_TOKEN (the word the webhook's GET handshake must repeat): all three or none;
 * without them the channel is off. MESSENGER_GRAPH_VERSION is the Graph API version called (Meta retires each about
 * two years after its release), MESSENGER_API_URL where Graph lives (a local stand-in in tests), and
 * MESSENGER_PAGE_USERNAME the Page's username or id, for the units' m.me links (none without it).
 * {@code publicUrl} (PUBLIC_URL, null when not set) is where the webhook should point, for the checks.
 */
public record MessengerConfig(String pageToken, String appSecret, String verifyToken, String apiUrl, String graphVersion,
                              String pageUsername, String publicUrl) {
    public static final String DEFAULT_API_URL = "https://graph.facebook.com";
    /**
     * The newest version the project's reference lists as live (v21.0 runs only until 2027-01-21; v22-v25 are live).
     * Meta announces each version's end in its changelog; set MESSENGER_GRAPH_VERSION to move on without a release.
     */
    public static final String DEFAULT_GRAPH_VERSION = "v25.0";
    /** Versions before this are past or at their end of life (v20.0 expired 2026-09-24). */
    static final int OLDEST_MAJOR = 21;
    static final List<String> REQUIRED = List.of("MESSENGER_PAGE_TOKEN", "MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN");
    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,3})\\.(\\d{1,2})");
    /** A Page's username (letters, digits and periods) or its numeric id. */
    private static final Pattern PAGE = Pattern.compile("[A-Za-z0-9.]{1,100}");

    public static Optional<MessengerConfig> fromEnv(Map<String, String> env) {
        List<String> missing = REQUIRED.stream().filter(k -> blank(env.get(k))).toList();
        if (missing.size() == REQUIRED.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            List<String> set = REQUIRED.stream().filter(k -> !missing.contains(k)).toList();
            throw new BadSetting(String.join(", ", missing), "the Messenger channel is half configured: " + String.join(", ", set)
                    + " " + (set.size() == 1 ? "is" : "are") + " set but " + String.join(", ", missing) + " " + (missing.size() == 1 ? "is" : "are")
                    + " not", "Set all three of " + String.join(", ", REQUIRED) + " to turn Messenger on, or none to leave it off");
        }
        String api = optional(env, "MESSENGER_API_URL");
        if (api != null && !api.startsWith("https://") && !api.startsWith("http://")) {
            throw new BadSetting("MESSENGER_API_URL", "\"" + api + "\" is not an http(s) address",
                    "Leave it unset for " + DEFAULT_API_URL + " (it exists so a local stand-in can take Graph's place)");
        }
        return Optional.of(new MessengerConfig(env.get("MESSENGER_PAGE_TOKEN").strip(), env.get("MESSENGER_APP_SECRET").strip(),
                env.get("MESSENGER_VERIFY_TOKEN").strip(), api == null ? DEFAULT_API_URL : api.replaceFirst("/+$", ""),
                version(optional(env, "MESSENGER_GRAPH_VERSION")), pageUsername(optional(env, "MESSENGER_PAGE_USERNAME")),
                optional(env, "PUBLIC_URL") == null ? null : optional(env, "PUBLIC_URL").replaceFirst("/+$", "")));
    }

    /** "v25.0" from "v25.0", "25.0" or none (the default); refused when not a version or older than v21.0. */
    static String version(String text) {
        if (text == null) {
            return DEFAULT_GRAPH_VERSION;
        }
        Matcher m = VERSION.matcher(text.toLowerCase());
        if (!m.matches()) {
            throw new BadSetting("MESSENGER_GRAPH_VERSION", "\"" + text + "\" is not a Graph API version",
                    "Write it as Meta does, e.g. " + DEFAULT_GRAPH_VERSION + ", or leave it unset for " + DEFAULT_GRAPH_VERSION);
        }
        if (Integer.parseInt(m.group(1)) < OLDEST_MAJOR) {
            throw new BadSetting("MESSENGER_GRAPH_VERSION", text + " is past or near its end of life",
                    "Use v" + OLDEST_MAJOR + ".0 or later (see developers.facebook.com/docs/graph-api/changelog/versions), or leave it unset");
        }
        return "v" + Integer.parseInt(m.group(1)) + "." + m.group(2);
    }

    /** The Page as people write it: "thibackan", "@thibackan", "https://m.me/thibackan", "facebook.com/thibackan/". */
    static String pageUsername(String text) {
        if (text == null) {
            return null;
        }
        String page = text.replaceFirst("^https?://", "").replaceFirst("^(www\\.|m\\.)?(facebook\\.com|m\\.me|fb\\.com)/", "")
                .replaceFirst("^@", "").replaceFirst("/+$", "");
        if (!PAGE.matcher(page).matches()) {
            throw new BadSetting("MESSENGER_PAGE_USERNAME", "\"" + text + "\" is not a Page's username or id",
                    "Set it to the Page's username (letters, digits and periods, as in facebook.com/<username>) or its numeric id");
        }
        return page;
    }

    /** The address of a Graph API path ("/me/messages") at the configured version. */
    String graph(String path) {
        return apiUrl + "/" + graphVersion + path;
    }

    /** Never prints the secrets (a record's own toString would). */
    @Override
    public String toString() {
        return "MessengerConfig[apiUrl=" + apiUrl + ", graphVersion=" + graphVersion + ", pageUsername=" + pageUsername + "]";
    }

    private static String optional(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
