package vn.contest.telegram;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_MODE (webhook or polling), TELEGRAM_API_URL,
 * TELEGRAM_BOT_USERNAME (for the units' t.me links; null when not set), TELEGRAM_MINI_APP (the "Thi ngay" button
 * opening the chat page inside Telegram; needs an https PUBLIC_URL) and TELEGRAM_PAID_BROADCAST (messages past the free
 * 30 a second, paid in Telegram Stars by the organiser). Without a token the channel is off.
 * {@code publicUrl} (PUBLIC_URL, null when not set) is where the webhook should point, for the checks.
 */
public record TelegramConfig(String token, String webhookSecret, Mode mode, URI apiUrl, String botUsername, String publicUrl,
                             boolean miniApp, boolean paidBroadcast) {
    public enum Mode { WEBHOOK, POLLING }

    /** Without paid broadcasts (TELEGRAM_PAID_BROADCAST). */
    public TelegramConfig(String token, String webhookSecret, Mode mode, URI apiUrl, String botUsername, String publicUrl,
                          boolean miniApp) {
        this(token, webhookSecret, mode, apiUrl, botUsername, publicUrl, miniApp, false);
    }

    /** Without the Mini App (TELEGRAM_MINI_APP). */
    public TelegramConfig(String token, String webhookSecret, Mode mode, URI apiUrl, String botUsername, String publicUrl) {
        this(token, webhookSecret, mode, apiUrl, botUsername, publicUrl, false);
    }

    /** Without a username: the channel works, but gives no unit links. */
    public TelegramConfig(String token, String webhookSecret, Mode mode, URI apiUrl) {
        this(token, webhookSecret, mode, apiUrl, null, null);
    }

    public TelegramConfig(String token, String webhookSecret, Mode mode, URI apiUrl, String botUsername) {
        this(token, webhookSecret, mode, apiUrl, botUsername, null);
    }

    /** The webhook's address as PUBLIC_URL says it should be, or empty without PUBLIC_URL. */
    java.util.Optional<String> expectedWebhook() {
        return publicUrl == null ? java.util.Optional.empty() : java.util.Optional.of(publicUrl + TelegramWebhook.PATH);
    }

    public static Optional<TelegramConfig> fromEnv(Map<String, String> env) {
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Mode mode = Mode.valueOf(env.getOrDefault("TELEGRAM_MODE", "webhook").trim().toUpperCase());
        String secret = env.get("TELEGRAM_WEBHOOK_SECRET");
        if (mode == Mode.WEBHOOK && (secret == null || !secret.matches("[A-Za-z0-9_-]{1,256}"))) {
            throw new IllegalArgumentException(
                    "TELEGRAM_WEBHOOK_SECRET (1-256 of A-Z a-z 0-9 _ -) is required in webhook mode");
        }
        URI api = URI.create(env.getOrDefault("TELEGRAM_API_URL", "https://api.telegram.org"));
        String username = env.get("TELEGRAM_BOT_USERNAME");
        username = username == null || username.isBlank() ? null : username.strip();
        String publicUrl = env.get("PUBLIC_URL");
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceFirst("/+$", "");
        boolean miniApp = yesOrNo(env, "TELEGRAM_MINI_APP",
                "Set it to true (the \"Thi ngay\" button opens the chat page inside Telegram) or false");
        boolean paidBroadcast = yesOrNo(env, "TELEGRAM_PAID_BROADCAST",
                "Set it to true (the organiser pays Telegram Stars for messages past 30 a second) or false");
        if (miniApp && (publicUrl == null || !publicUrl.startsWith("https://"))) {
            throw new vn.contest.core.config.BadSetting("TELEGRAM_MINI_APP", "the Mini App needs PUBLIC_URL on https (Telegram opens only "
                    + "https pages), and PUBLIC_URL is " + (publicUrl == null ? "not set" : "\"" + publicUrl + "\""),
                    "Set PUBLIC_URL to the site's https address, or TELEGRAM_MINI_APP=false");
        }
        return Optional.of(new TelegramConfig(token.trim(), secret, mode, api, username, publicUrl, miniApp, paidBroadcast));
    }

    private static boolean yesOrNo(Map<String, String> env, String name, String fix) {
        String value = env.getOrDefault(name, "false").strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false") && !value.isEmpty()) {
            throw new vn.contest.core.config.BadSetting(name, "\"" + value + "\" is neither true nor false", fix);
        }
        return value.equals("true");
    }

    /**
     * The chat page as the Mini App opens it (the "Thi ngay" button), or empty when the Mini App is off. Telegram
     * adds the signed initData to its fragment.
     */
    public Optional<String> miniAppUrl() {
        return miniApp && publicUrl != null ? Optional.of(publicUrl + CHAT_PAGE + "?app=telegram") : Optional.empty();
    }

    /** Where the web channel serves the chat page ({@code WebChannel.CHAT_PATH}, which this adapter cannot import). */
    static final String CHAT_PAGE = "/thi";

    /** Where the Bot API lives: any scheme://host:port, so a local stand-in can take its place. */
    TelegramUrl telegramUrl() {
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : ("http".equals(apiUrl.getScheme()) ? 80 : 443);
        return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
    }
}
