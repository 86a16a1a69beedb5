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

/**
 * A browser's chat: a random secret in an HttpOnly cookie. The database keys the chat by a hash of the
 * secret, so a copy of the database cannot be used to take over someone's chat.
 */
final class WebSession {
    static final String COOKIE = "chat_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_AGE_SECONDS = 180 * 24 * 3600;

    private WebSession() {}

    /** The chat's external id for this browser, starting a new chat when there is no valid cookie. */
    static String chatId(Context ctx) {
        String secret = ctx.cookie(COOKIE);
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{43}")) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, secret);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            cookie.setMaxAge(MAX_AGE_SECONDS);
            cookie.setSecure("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || ctx.scheme().equals("https"));
            ctx.cookie(cookie);
        }
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
