package vn.contest.core.verify;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * One-time codes that prove a typed phone is the typist's: six digits, valid {@link #VALID}, at most
 * {@link #MAX_TRIES} guesses each, at most {@link #MAX_SENDS_PER_HOUR} sent to one number in an hour. Only a
 * slow salted hash is stored, so a copy of the database does not yield live codes within their few minutes.
 */
public final class PhoneCodes {
    public static final Duration VALID = Duration.ofMinutes(5);
    public static final int MAX_TRIES = 5;
    public static final int MAX_SENDS_PER_HOUR = 3;
    /** Codes one chat may have sent in an hour, whatever the numbers (each send costs the OA money). */
    public static final int MAX_SENDS_PER_CHAT_PER_HOUR = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 20_000;

    public enum Outcome { ACCEPTED, WRONG, EXPIRED, NO_TRIES_LEFT, NONE }

    /** What checking a typed code found, and how many guesses are left after a wrong one. */
    public record Checked(Outcome outcome, int triesLeft) {}

    private PhoneCodes() {}

    /**
     * A new code for this chat and phone, stored hashed; empty when the number, or the chat, had its sends for
     * the hour. Sends to one number are counted under a lock, so chats racing cannot get more.
     */
    public static Optional<String> issue(Handle h, long chatAccountId, String phone, Instant now) {
        h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "phone_codes:" + phone);
        var counts = h.createQuery("""
                SELECT count(*) FILTER (WHERE phone = :phone) AS by_phone, count(*) FILTER (WHERE chat_account_id = :chat) AS by_chat
                FROM phone_codes WHERE (phone = :phone OR chat_account_id = :chat) AND created_at > :since""")
                .bind("phone", phone).bind("chat", chatAccountId).bind("since", now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new int[] {rs.getInt("by_phone"), rs.getInt("by_chat")}).one();
        if (counts[0] >= MAX_SENDS_PER_HOUR || counts[1] >= MAX_SENDS_PER_CHAT_PER_HOUR) {
            return Optional.empty();
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        h.createUpdate("""
                INSERT INTO phone_codes (chat_account_id, phone, code_hash, created_at, expires_at)
                VALUES (:chat, :phone, :hash, :now, :expires)""")
                .bind("chat", chatAccountId).bind("phone", phone).bind("hash", hash(code))
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("expires", now.plus(VALID).atOffset(ZoneOffset.UTC)).execute();
        return Optional.of(code);
    }

    /** Checks a typed code against this chat's latest code for the phone, spending a guess when it is wrong. */
    public static Checked check(Handle h, long chatAccountId, String phone, String typed, Instant now) {
        record Latest(long id, String hash, int tries, Instant expiresAt, boolean used) {}
        Optional<Latest> latest = h.createQuery("""
                SELECT id, code_hash, tries, expires_at, used_at IS NOT NULL AS used FROM phone_codes
                WHERE chat_account_id = :chat AND phone = :phone ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .bind("chat", chatAccountId).bind("phone", phone)
                .map((rs, ctx) -> new Latest(rs.getLong("id"), rs.getString("code_hash"), rs.getInt("tries"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("used")))
                .findOne();
        if (latest.isEmpty() || latest.get().used()) {
            return new Checked(Outcome.NONE, 0);
        }
        Latest code = latest.get();
        if (!now.isBefore(code.expiresAt())) {
            return new Checked(Outcome.EXPIRED, 0);
        }
        if (code.tries() >= MAX_TRIES) {
            return new Checked(Outcome.NO_TRIES_LEFT, 0);
        }
        if (matches(typed, code.hash())) {
            h.createUpdate("UPDATE phone_codes SET used_at = :now WHERE id = :id")
                    .bind("now", now.atOffset(ZoneOffset.UTC)).bind("id", code.id()).execute();
            return new Checked(Outcome.ACCEPTED, MAX_TRIES - code.tries());
        }
        h.execute("UPDATE phone_codes SET tries = tries + 1 WHERE id = ?", code.id());
        int left = MAX_TRIES - code.tries() - 1;
        return new Checked(left > 0 ? Outcome.WRONG : Outcome.NO_TRIES_LEFT, left);
    }

    static String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return b64.encodeToString(salt) + ":" + b64.encodeToString(derive(code, salt));
    }

    static boolean matches(String code, String stored) {
        String[] parts = stored.split(":", 2);
        byte[] salt = Base64.getDecoder().decode(parts[0]);
        return MessageDigest.isEqual(derive(code, salt), Base64.getDecoder().decode(parts[1]));
    }

    private static byte[] derive(String code, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(code.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
