package vn.contest.admin.auth;

import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing: after 5 wrong passwords for one account, or 20 from one address, within 15
 * minutes, logins there are refused until the window passes. Kept in the database for every instance.
 */
public final class LoginThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final int WINDOW_MINUTES = 15;

    private final Jdbi jdbi;

    public LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean blocked(String username, String ip) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FILTER (WHERE username = :u) >= :perAccount OR count(*) FILTER (WHERE ip = :ip) >= :perAddress
                FROM admin_login_failures WHERE at > now() - make_interval(mins => :window)""")
                .bind("u", username).bind("ip", ip).bind("perAccount", PER_ACCOUNT).bind("perAddress", PER_ADDRESS)
                .bind("window", WINDOW_MINUTES).mapTo(Boolean.class).one());
    }

    public void failed(String username, String ip) {
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO admin_login_failures (username, ip) VALUES (?, ?)", username, ip);
            h.execute("DELETE FROM admin_login_failures WHERE at < now() - interval '1 day'");
        });
    }

    public void succeeded(String username) {
        jdbi.useHandle(h -> h.execute("DELETE FROM admin_login_failures WHERE username = ?", username));
    }
}
