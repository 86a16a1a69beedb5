package vn.contest.web;

import java.util.Map;
import vn.contest.core.config.BadSetting;
import vn.contest.core.net.TrustedProxies;

/**
 * The web chat's settings: how long a browser keeps its chat (WEB_SESSION_DAYS, default 30), the limits
 * per client address (WEB_MESSAGES_PER_MINUTE, default 600; WEB_NEW_CHATS_PER_HOUR, default 300: sized for a
 * school computer lab behind one address) and per chat (WEB_MESSAGES_PER_SECOND_PER_CHAT, default 3), and
 * the reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES).
 */
public record WebConfig(int sessionDays, int messagesPerMinute, int newChatsPerHour, int messagesPerSecondPerChat,
                        TrustedProxies proxies) {
    public static final WebConfig DEFAULTS = new WebConfig(30, 600, 300, 3, TrustedProxies.none());
    /** For tests and tools that drive the page far faster than a person types: limits out of reach. */
    public static final WebConfig UNLIMITED = new WebConfig(30, 1_000_000, 1_000_000, 100_000, TrustedProxies.none());

    public static WebConfig fromEnv(Map<String, String> env) {
        return new WebConfig(positive(env, "WEB_SESSION_DAYS", 30), positive(env, "WEB_MESSAGES_PER_MINUTE", 600),
                positive(env, "WEB_NEW_CHATS_PER_HOUR", 300), positive(env, "WEB_MESSAGES_PER_SECOND_PER_CHAT", 3),
                TrustedProxies.parse(env.get("TRUSTED_PROXIES")));
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 1_000_000) {
            // Above a million a second the rate limiter cannot refill: every message would fail.
            throw new BadSetting(name, "\"" + v.strip() + "\" is not a whole number from 1 to 1000000",
                    "Set it to a number in that range (default " + fallback + "), or leave it unset");
        }
        return n;
    }
}
