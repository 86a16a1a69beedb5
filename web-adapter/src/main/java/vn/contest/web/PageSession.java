package vn.contest.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.contest.core.message.ChatRef;

/**
 * A page acting as a platform's chat (the Telegram Mini App, once {@link vn.contest.core.channel.PageIdentity}
 * proved which chat opened it): a token naming the chat and its end, signed with a key of its own drawn from the
 * app's web session key, so that neither a chat cookie nor anything a visitor makes up passes for one, and no
 * token can be changed to name another chat. The page keeps it in memory and sends it in {@link #HEADER}, never as
 * a cookie: Telegram's web clients open the page in a frame, where cookies are a third party's, and a header is
 * never sent by another site's form.
 */
final class PageSession {
    static final String HEADER = "X-Page-Session";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,300}\\.[A-Za-z0-9_-]{43}");
    private static final Pattern PART = Pattern.compile("[a-z]{1,20}|[A-Za-z0-9_-]{1,64}|\\d{1,19}");

    private final byte[] key;
    private final Clock clock;
    /** A keyed MAC per thread, as for the cookies: every request of the page checks its token. */
    private final ThreadLocal<Mac> macs;

    PageSession(byte[] sessionKey, Clock clock) {
        // Its own key: a cookie's signature is never a page token's.
        this.key = mac(sessionKey).doFinal("page-session".getBytes(StandardCharsets.US_ASCII));
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(() -> mac(key));
    }

    /** A token for {@code chat} until {@code until}. */
    String open(ChatRef chat, Instant until) {
        String body = chat.channel() + "\n" + chat.externalId() + "\n" + until.getEpochSecond();
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + sign(encoded);
    }

    /** The chat a token names, if this app signed it and it has not ended. */
    Optional<ChatRef> chatOf(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String encoded = token.substring(0, dot);
        if (!MessageDigest.isEqual(sign(encoded).getBytes(StandardCharsets.US_ASCII), token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3 || !PART.matcher(parts[0]).matches() || !PART.matcher(parts[1]).matches() || !parts[2].matches("\\d{1,19}")) {
            return Optional.empty();
        }
        if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new ChatRef(parts[0], parts[1]));
    }

    private String sign(String encoded) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(encoded.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
