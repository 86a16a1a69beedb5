package vn.contest.telegram;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_MODE (webhook or polling), TELEGRAM_API_URL and
 * TELEGRAM_BOT_USERNAME (for the units' t.me links; null when not set). Without a token the channel is off.
 * {@code publicUrl} (PUBLIC_URL, null when not set) is where the webhook should point, for the checks.
 */
public record TelegramConfig(String token, String webhookSecret, Mode mode, URI apiUrl, String botUsername, String publicUrl) {
    public enum Mode { WEBHOOK, POLLING }

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
        return Optional.of(new TelegramConfig(token.trim(), secret, mode, api, username, publicUrl));
    }

    /** Where the Bot API lives: any scheme://host:port, so a local stand-in can take its place. */
    TelegramUrl telegramUrl() {
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : ("http".equals(apiUrl.getScheme()) ? 80 : 443);
        return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
    }
}
