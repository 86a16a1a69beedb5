package vn.contest.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side sessions: the cookie holds a random secret, the database its hash, the user and the session's
 * CSRF token. Logging out or expiry ends it on every instance at once.
 */
public final class Sessions {
    public static final String COOKIE = "admin_session";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    public Sessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A session: who (with their role in the contest being looked at), its form token, and that contest (null: none chosen yet). */
    public record Session(AdminUser user, String csrfToken, Long contestId) {
        public Session(AdminUser user, String csrfToken) {
            this(user, csrfToken, null);
        }

        /** The same session looking at {@code contestId}, where the account's role is {@code role}. */
        public Session in(long contestId, Role role) {
            return new Session(new AdminUser(user.id(), user.username(), role, user.active()), csrfToken, contestId);
        }
    }

    /** Starts a session and returns the cookie's secret. */
    public String start(AdminUser user) {
        String secret = random();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO admin_sessions (id_hash, user_id, csrf_token, expires_at)
                VALUES (:id, :u, :csrf, now() + make_interval(secs => :life))""")
                .bind("id", hash(secret)).bind("u", user.id()).bind("csrf", random()).bind("life", (double) LIFETIME.toSeconds()).execute());
        return secret;
    }

    public Optional<Session> find(String secret) {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT u.id, u.username, u.role, u.active, s.csrf_token, s.contest_id FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id
                WHERE s.id_hash = :id AND s.expires_at > now() AND u.active""")
                .bind("id", hash(secret))
                .map((rs, ctx) -> new Session(new AdminUser(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getBoolean("active")), rs.getString("csrf_token"), (Long) rs.getObject("contest_id")))
                .findOne());
    }

    /** The session looks at another contest from now on (the switcher; the guard checks the account may). */
    public void choose(String secret, long contestId) {
        jdbi.useHandle(h -> h.execute("UPDATE admin_sessions SET contest_id = ? WHERE id_hash = ?", contestId, hash(secret)));
    }

    public void end(String secret) {
        if (secret != null) {
            jdbi.useHandle(h -> h.execute("DELETE FROM admin_sessions WHERE id_hash = ?", hash(secret)));
        }
    }

    /** Ends every session of a user but the one with {@code keepSecret} (null: all of them). */
    static void endAllOf(org.jdbi.v3.core.Handle h, long userId, String keepSecret) {
        h.createUpdate("DELETE FROM admin_sessions WHERE user_id = :u AND (CAST(:keep AS text) IS NULL OR id_hash <> :keep)")
                .bind("u", userId).bind("keep", keepSecret == null ? null : hash(keepSecret)).execute();
    }

    /** 256 random bits, URL-safe: session secrets and form tokens. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
