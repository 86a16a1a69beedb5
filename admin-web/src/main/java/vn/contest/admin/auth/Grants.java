package vn.contest.admin.auth;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.contest.Contest;

/**
 * Which contests an account opens, and its role in each: Quản trị opens every contest; any other account the
 * contests it was granted (a department's secretary, its own contest only).
 */
public final class Grants {
    private final Jdbi jdbi;

    public Grants(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The account's role in each contest it may open. */
    public Map<Long, Role> rolesOf(AdminUser user, List<Contest> all) {
        if (user.role() == Role.ADMIN) {
            return all.stream().collect(Collectors.toMap(Contest::id, c -> Role.ADMIN));
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT contest_id, role FROM admin_grants WHERE user_id = :u")
                .bind("u", user.id())
                .map((rs, ctx) -> Map.entry(rs.getLong("contest_id"), Role.valueOf(rs.getString("role"))))
                .collectIntoList()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Gives an account a role in a contest (or changes it); Quản trị needs none. */
    public static void grant(Handle h, long userId, long contestId, Role role) {
        if (role == Role.ADMIN) {
            return;
        }
        h.createUpdate("""
                INSERT INTO admin_grants (user_id, contest_id, role) VALUES (:u, :c, :r)
                ON CONFLICT (user_id, contest_id) DO UPDATE SET role = EXCLUDED.role""")
                .bind("u", userId).bind("c", contestId).bind("r", role.name()).execute();
    }

    /** Every grant, as "contest code: role" per account id, for the accounts page. */
    public Map<Long, List<String>> describe(List<Contest> all) {
        Map<Long, String> codes = all.stream().collect(Collectors.toMap(Contest::id, c -> c.config().code()));
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id, contest_id, role FROM admin_grants ORDER BY contest_id")
                .map((rs, ctx) -> Map.entry(rs.getLong("user_id"),
                        codes.getOrDefault(rs.getLong("contest_id"), "?") + ": " + Role.valueOf(rs.getString("role")).label))
                .collectIntoList()).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
