package vn.contest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code initData} Telegram hands a Mini App (core.telegram.org/bots/webapps, "Validating data received
 * via the Mini App"): a query string whose {@code hash} is the hex HMAC-SHA256 of the data-check-string (every
 * other field as {@code key=value}, decoded, sorted by key, one a line) keyed with HMAC-SHA256 of the bot token
 * under the key "WebAppData". Only the bot's token makes that hash, so a valid one proves Telegram issued the data
 * to the user it names. Refused when the hash is missing or wrong (compared in constant time), when a field
 * appears twice, and when {@code auth_date} is older than the allowed age or ahead of the clock.
 */
final class InitData {
    /**
     * How old an initData may be. Telegram signs it each time the Mini App opens; a page kept open in Telegram (or
     * reloaded, which reuses the same data) through an evening's papers must keep working, while a copy that leaked
     * (a shared screenshot of the address) should not work for days. A day covers the first, bounds the second,
     * and is what the common libraries default to.
     */
    static final Duration MAX_AGE = Duration.ofHours(24);
    /** Telegram's servers sign auth_date: a clock of theirs a little ahead of ours is no forgery. */
    static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    /** Telegram's initData is well under this; anything longer is not worth hashing. */
    static final int MAX_LENGTH = 8192;
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why an initData was refused. */
    enum Problem { MALFORMED, MISSING_HASH, FORGED, STALE }

    sealed interface Result permits Valid, Invalid {}

    /** Signed by Telegram for {@code userId} at {@code authDate}. */
    record Valid(long userId, Instant authDate) implements Result {}

    record Invalid(Problem problem) implements Result {}

    private final byte[] secretKey;
    private final Clock clock;
    private final Duration maxAge;

    InitData(String botToken, Clock clock, Duration maxAge) {
        this.secretKey = hmac("WebAppData".getBytes(StandardCharsets.US_ASCII), botToken.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.maxAge = maxAge;
    }

    Result check(String initData) {
        if (initData == null || initData.isEmpty() || initData.length() > MAX_LENGTH) {
            return new Invalid(Problem.MALFORMED);
        }
        Map<String, String> fields = new TreeMap<>();
        for (String pair : initData.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return new Invalid(Problem.MALFORMED);
            }
            String key;
            String value;
            try {
                key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Invalid(Problem.MALFORMED);
            }
            // A field twice would let the hash cover one value while we read the other.
            if (fields.put(key, value) != null) {
                return new Invalid(Problem.MALFORMED);
            }
        }
        String hash = fields.remove("hash");
        if (hash == null || hash.isEmpty()) {
            return new Invalid(Problem.MISSING_HASH);
        }
        StringBuilder check = new StringBuilder();
        fields.forEach((k, v) -> check.append(check.length() == 0 ? "" : "\n").append(k).append('=').append(v));
        byte[] expected = hmac(secretKey, check.toString().getBytes(StandardCharsets.UTF_8));
        byte[] given = HEX_HASH.matcher(hash).matches() ? HexFormat.of().parseHex(hash) : new byte[expected.length];
        if (!MessageDigest.isEqual(expected, given) || !HEX_HASH.matcher(hash).matches()) {
            return new Invalid(Problem.FORGED);
        }
        // Signed by Telegram from here on: what it says can be read.
        Instant authDate;
        long userId;
        try {
            authDate = Instant.ofEpochSecond(Long.parseLong(fields.getOrDefault("auth_date", "")));
            JsonNode user = JSON.readTree(fields.getOrDefault("user", "null"));
            if (user == null || !user.path("id").canConvertToLong() || user.path("id").asLong() <= 0) {
                return new Invalid(Problem.MALFORMED);
            }
            userId = user.path("id").asLong();
        } catch (NumberFormatException | java.io.IOException e) {
            return new Invalid(Problem.MALFORMED);
        }
        Instant now = clock.instant();
        if (authDate.isBefore(now.minus(maxAge)) || authDate.isAfter(now.plus(FUTURE_SKEW))) {
            return new Invalid(Problem.STALE);
        }
        return new Valid(userId, authDate);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
