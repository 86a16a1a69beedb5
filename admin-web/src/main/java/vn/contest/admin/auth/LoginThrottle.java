package vn.contest.admin.auth;

import org.jdbi.v3.core.Jdbi;
import vn.contest.core.net.ClientNetwork;

/**
 * Slows password guessing without locking the owner out. Each attempt is written down before its password is
 * checked, so parallel guesses count each other. Refused: a 6th try at one account from one address, or a 21st
 * try from one address (an IPv6 /64 counts as one address), within 15 minutes. Never refused for an account alone: many failures on it from
 * elsewhere only slow its answers down, so its owner can still log in from their own address. Kept in the
 * database for every instance.
 */
public final class LoginThrottle {
    static final int PER_ACCOUNT_AND_ADDRESS = 5;
    static final int PER_ADDRESS = 20;
    static final int SLOW_AFTER = 10;
    static final int WINDOW_MINUTES = 15;

    private final Jdbi jdbi;

    public LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One login attempt, recorded as a failure until it succeeds. */
    public record Attempt(long id, boolean blocked, long accountFailures) {
        /** How long to wait before answering, when the account is under attack from many places. */
        public long delayMillis() {
            return accountFailures > SLOW_AFTER ? Math.min(2_000, 100 * (accountFailures - SLOW_AFTER)) : 0;
        }
    }

    /** Records the attempt, then counts it with the others of the window. */
    public Attempt begin(String username, String address) {
        String ip = ClientNetwork.of(address);
        return jdbi.inTransaction(h -> {
            // Attempts from one address, and at one account, are counted one after another (address lock first).
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "login-ip:" + ip);
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "login-user:" + username);
            long id = h.createQuery("INSERT INTO admin_login_failures (username, ip) VALUES (:u, :ip) RETURNING id")
                    .bind("u", username).bind("ip", ip).mapTo(Long.class).one();
            return h.createQuery("""
                    SELECT count(*) FILTER (WHERE username = :u AND ip = :ip) AS pair, count(*) FILTER (WHERE ip = :ip) AS address,
                           count(*) FILTER (WHERE username = :u) AS account
                    FROM admin_login_failures WHERE at > now() - make_interval(mins => :window)""")
                    .bind("u", username).bind("ip", ip).bind("window", WINDOW_MINUTES)
                    .map((rs, ctx) -> new Attempt(id, rs.getLong("pair") > PER_ACCOUNT_AND_ADDRESS || rs.getLong("address") > PER_ADDRESS,
                            rs.getLong("account") - 1))
                    .one();
        });
    }

    /** The attempt was right: it and this address's failures for the account are forgotten. */
    public void succeeded(Attempt attempt, String username, String address) {
        String ip = ClientNetwork.of(address);
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM admin_login_failures WHERE id = ? OR (username = ? AND ip = ?)", attempt.id(), username, ip);
            h.execute("DELETE FROM admin_login_failures WHERE at < now() - interval '1 day'");
        });
    }
}
