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
import vn.contest.core.net.ClientNetwork;
import vn.contest.core.store.AppKeys;

/**
 * One-time codes that prove a typed phone is the typist's: six digits, valid {@link #VALID}, at most
 * {@link #MAX_TRIES} guesses each, at most {@link #MAX_SENDS_PER_HOUR} sent to one number and
 * {@link #MAX_SENDS_PER_CHAT_PER_HOUR} to one chat in an hour, and within the {@link CodeBudget} (per client
 * network, per day for the whole OA). Only a slow salted hash of a code is stored, so a copy of the database does
 * not yield live codes within their few minutes; the number itself only as a keyed hash ({@link PhoneKey}).
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

    /** Which limit refused a code: so the person is told the one that applies to them. */
    public enum Limit {
        /** {@link #MAX_SENDS_PER_HOUR} to this number in an hour. */
        PHONE,
        /** {@link #MAX_SENDS_PER_CHAT_PER_HOUR} to this chat in an hour. */
        CHAT,
        /** {@link CodeBudget#perAddress()} from this client network in {@link CodeBudget#addressWindow()}. */
        ADDRESS,
        /** {@link CodeBudget#perDay()} for the whole OA today. */
        DAILY
    }

    /** What asking for a code came to. */
    public sealed interface Issue {}

    /** A code to send. */
    public record Issued(String code) implements Issue {}

    /** No code: {@code limit} was reached ({@code allowed} sends); a new one may be asked for after {@code retryAfter}. */
    public record Refused(Limit limit, int allowed, Duration retryAfter) implements Issue {}

    /** What checking a typed code found, and how many guesses are left after a wrong one. */
    public record Checked(Outcome outcome, int triesLeft) {}

    private PhoneCodes() {}

    /**
     * A new code for this chat and phone, stored hashed; refused, naming the limit, when the number, the chat,
     * the client's network ({@code clientAddress}, null where the channel does not know it) or the OA's day has
     * had its sends. The counts are read and the code written under one lock, so chats racing cannot get more.
     */
    public static Issue issue(Handle h, long chatAccountId, String phone, String clientAddress, CodeBudget budget, Instant now) {
        h.execute("SELECT pg_advisory_xact_lock(hashtext('phone_codes'))");
        byte[] phoneKey = PhoneKey.of(AppKeys.get(h, PhoneKey.KEY_NAME), phone);
        String network = ClientNetwork.of(clientAddress);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant windowStart = now.minus(budget.addressWindow());
        record Counts(int phone, int chat, int network, Instant networkOldest, long today) {}
        Counts counts = h.createQuery("""
                SELECT (SELECT count(*) FROM phone_codes WHERE phone_key = :key AND created_at > :hour) AS by_phone,
                       (SELECT count(*) FROM phone_codes WHERE chat_account_id = :chat AND created_at > :hour) AS by_chat,
                       (SELECT count(*) FROM phone_codes WHERE client_network = :net AND created_at > :window) AS by_network,
                       (SELECT min(created_at) FROM phone_codes WHERE client_network = :net AND created_at > :window) AS network_oldest,
                       (SELECT count(*) FROM phone_codes WHERE created_at >= :day) AS today""")
                .bind("key", phoneKey).bind("chat", chatAccountId).bind("net", network)
                .bind("hour", hourAgo.atOffset(ZoneOffset.UTC)).bind("window", windowStart.atOffset(ZoneOffset.UTC))
                .bind("day", CodeBudget.dayStart(now).atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Counts(rs.getInt("by_phone"), rs.getInt("by_chat"), rs.getInt("by_network"),
                        rs.getTimestamp("network_oldest") == null ? null : rs.getTimestamp("network_oldest").toInstant(), rs.getLong("today")))
                .one();
        // The limit that lasts longest is named first: waiting out a shorter one would not help.
        if (counts.today() >= budget.perDay()) {
            return new Refused(Limit.DAILY, budget.perDay(), Duration.between(now, CodeBudget.dayStart(now).plus(Duration.ofDays(1))));
        }
        if (counts.phone() >= MAX_SENDS_PER_HOUR) {
            return new Refused(Limit.PHONE, MAX_SENDS_PER_HOUR, Duration.ofHours(1));
        }
        if (counts.chat() >= MAX_SENDS_PER_CHAT_PER_HOUR) {
            return new Refused(Limit.CHAT, MAX_SENDS_PER_CHAT_PER_HOUR, Duration.ofHours(1));
        }
        if (network != null && counts.network() >= budget.perAddress()) {
            return new Refused(Limit.ADDRESS, budget.perAddress(), Duration.between(now, counts.networkOldest().plus(budget.addressWindow())));
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        h.createUpdate("""
                INSERT INTO phone_codes (chat_account_id, phone_key, client_network, code_hash, created_at, expires_at)
                VALUES (:chat, :key, :net, :hash, :now, :expires)""")
                .bind("chat", chatAccountId).bind("key", phoneKey).bind("net", network).bind("hash", hash(code))
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("expires", now.plus(VALID).atOffset(ZoneOffset.UTC)).execute();
        return new Issued(code);
    }

    /** Codes sent today (the budget's day) for the whole OA: the figure the operator is warned by. */
    public static long sentToday(Handle h, Instant now) {
        return h.createQuery("SELECT count(*) FROM phone_codes WHERE created_at >= :day")
                .bind("day", CodeBudget.dayStart(now).atOffset(ZoneOffset.UTC)).mapTo(Long.class).one();
    }

    /** Checks a typed code against this chat's latest code for the phone, spending a guess when it is wrong. */
    public static Checked check(Handle h, long chatAccountId, String phone, String typed, Instant now) {
        record Latest(long id, String hash, int tries, Instant expiresAt, boolean used) {}
        Optional<Latest> latest = h.createQuery("""
                SELECT id, code_hash, tries, expires_at, used_at IS NOT NULL AS used FROM phone_codes
                WHERE chat_account_id = :chat AND phone_key = :key ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .bind("chat", chatAccountId).bind("key", PhoneKey.of(AppKeys.get(h, PhoneKey.KEY_NAME), phone))
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
