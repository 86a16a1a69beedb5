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
 * A browser's chat: a random secret in an HttpOnly cookie that lasts {@code days}, signed with the app's key
 * so that only cookies this app handed out open a chat (made-up ones would each be a fresh chat, past the
 * new-chat limit). The database keys the chat by a hash of the secret, so a copy of the database cannot be
 * used to take over someone's chat.
 */
final class WebSession {
    static final String COOKIE = "chat_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A digest per thread: looking one up by name costs more than hashing the short secret. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final int maxAgeSeconds;
    private final byte[] key;
    /** A keyed MAC per thread: every request checks a cookie, and building one costs more than the check. */
    private final ThreadLocal<javax.crypto.Mac> macs;

    WebSession(int days, byte[] key) {
        this.maxAgeSeconds = days * 24 * 3600;
        this.key = key.clone();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The chat this browser's cookie names, if it carries one this app signed. */
    Optional<String> existing(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || !wellShaped(value)) {
            return Optional.empty();
        }
        String secret = value.substring(0, 43);
        boolean signed = MessageDigest.isEqual(sign(secret).getBytes(StandardCharsets.US_ASCII),
                value.substring(44).getBytes(StandardCharsets.US_ASCII));
        return signed ? Optional.of(chatIdOf(secret)) : Optional.empty();
    }

    /** Two base64url parts of 43 characters joined by a dot, as {@link #start} writes it (checked on every request, so by hand). */
    static boolean wellShaped(String value) {
        if (value.length() != 87 || value.charAt(43) != '.') {
            return false;
        }
        for (int i = 0; i < 87; i++) {
            char c = value.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!base64url && i != 43) {
                return false;
            }
        }
        return true;
    }

    /** Starts a new chat for this browser and returns its id. */
    String start(Context ctx) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.cookie(cookie(ctx, secret + "." + sign(secret), maxAgeSeconds));
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

    private String sign(String secret) {
        // doFinal leaves the MAC reset for the next use on this thread.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(secret.getBytes(StandardCharsets.US_ASCII)));
    }

    private javax.crypto.Mac newMac() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chatIdOf(String secret) {
        return "w" + sha256(secret).substring(0, 40);
    }

    private static String sha256(String s) {
        // digest() leaves the digest reset for the next use on this thread.
        return HexFormat.of().formatHex(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
