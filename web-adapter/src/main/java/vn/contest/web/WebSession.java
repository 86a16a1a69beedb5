package vn.contest.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A browser's chat: a random secret in an HttpOnly cookie that lasts {@code days}. The database keys the
 * chat by a hash of the secret, so a copy of the database cannot be used to take over someone's chat.
 */
final class WebSession {
    static final String COOKIE = "chat_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int maxAgeSeconds;

    WebSession(int days) {
        this.maxAgeSeconds = days * 24 * 3600;
    }

    /** The chat this browser's cookie names, if it has a valid one. */
    Optional<String> existing(Context ctx) {
        String secret = ctx.cookie(COOKIE);
        return secret != null && secret.matches("[A-Za-z0-9_-]{43}") ? Optional.of(chatIdOf(secret)) : Optional.empty();
    }

    /** Starts a new chat for this browser and returns its id. */
    String start(Context ctx) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.cookie(cookie(ctx, secret, maxAgeSeconds));
        return chatIdOf(secret);
    }

    /** Forgets the chat on this browser (after "đăng xuất"). */
    void end(Context ctx) {
        ctx.cookie(cookie(ctx, "", 0));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setSecure("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || ctx.scheme().equals("https"));
        return cookie;
    }

    private static String chatIdOf(String secret) {
        return "w" + sha256(secret).substring(0, 40);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
