package vn.contest.admin.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.contest.core.config.BadSetting;

/** Committee accounts. */
public final class AdminUsers {
    private static final RowMapper<AdminUser> USER = (rs, ctx) -> new AdminUser(rs.getLong("id"), rs.getString("username"),
            Role.valueOf(rs.getString("role")), rs.getBoolean("active"));

    private final Jdbi jdbi;

    public AdminUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The first administrator, created once: with ADMIN_PASSWORD if given, else a generated password that is
     * returned so the caller can print it this one time.
     */
    public Optional<String> ensureFirstAdmin(String configuredPassword) {
        boolean empty = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM admin_users").mapTo(Long.class).one()) == 0;
        if (!empty) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? Passwords.generate() : configuredPassword;
        if (!generated) {
            PasswordPolicy.problem(password, "admin").ifPresent(problem -> {
                throw new BadSetting("ADMIN_PASSWORD", "the password rules refuse it: " + problem.strip().replaceFirst("\\.$", ""), "Choose one of at least "
                        + PasswordPolicy.MIN_LENGTH + " characters and at most " + PasswordPolicy.MAX_BYTES + " bytes, not a common "
                        + "password and not containing \"admin\", or leave ADMIN_PASSWORD unset to have one made and shown once");
            });
        }
        // Two instances started together may both find the table empty: the first insert wins, the other keeps quiet.
        boolean created = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO admin_users (username, password_hash, role) VALUES ('admin', :p, :r) ON CONFLICT (username) DO NOTHING""")
                .bind("p", Passwords.hash(password)).bind("r", Role.ADMIN.name()).execute()) == 1;
        return created && generated ? Optional.of(password) : Optional.empty();
    }

    /** An account with {@code role} in every contest there is now (tools and tests; the accounts page grants one). */
    public AdminUser create(String username, Role role, String password) {
        return jdbi.inTransaction(h -> {
            AdminUser user = insert(h, username, role, password);
            h.createQuery("SELECT id FROM contests").mapTo(Long.class).list().forEach(c -> Grants.grant(h, user.id(), c, role));
            return user;
        });
    }

    /** An account with {@code role} in one contest (the accounts page: the contest being looked at). */
    public AdminUser create(String username, Role role, String password, long contestId) {
        return jdbi.inTransaction(h -> {
            AdminUser user = insert(h, username, role, password);
            Grants.grant(h, user.id(), contestId, role);
            return user;
        });
    }

    private static AdminUser insert(org.jdbi.v3.core.Handle h, String username, Role role, String password) {
        return h.createQuery("""
                INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :p, :r) RETURNING *""")
                .bind("u", username).bind("p", Passwords.hash(password)).bind("r", role.name()).map(USER).one();
    }

    public Optional<String> passwordHash(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM admin_users WHERE username = :u AND active")
                .bind("u", username).mapTo(String.class).findOne());
    }

    public Optional<AdminUser> byUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM admin_users WHERE username = :u").bind("u", username).map(USER).findOne());
    }

    public List<AdminUser> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM admin_users ORDER BY username").map(USER).list());
    }

    /** A new password; every other session of that user ends (a stolen session dies with the old password). */
    public void setPassword(long id, String password, String keepSessionSecret) {
        jdbi.useTransaction(h -> {
            h.execute("UPDATE admin_users SET password_hash = ? WHERE id = ?", Passwords.hash(password), id);
            Sessions.endAllOf(h, id, keepSessionSecret);
        });
    }

    /** Deactivating ends every session of the account, so re-activating it later revives none. */
    public void setActive(long id, boolean active) {
        jdbi.useTransaction(h -> {
            h.execute("UPDATE admin_users SET active = ? WHERE id = ?", active, id);
            if (!active) {
                Sessions.endAllOf(h, id, null);
            }
        });
    }

    /** Whether an account is active now; empty when there is no such account. */
    public Optional<Boolean> activeState(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT active FROM admin_users WHERE id = :id").bind("id", id)
                .mapTo(Boolean.class).findOne());
    }
}
