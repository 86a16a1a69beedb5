package vn.contest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.auth.AdminUser;

/** Every change made in the admin web: who, what, when, and the state before and after. */
public final class Audit {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Jdbi jdbi;

    public Audit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record Entry(String at, String username, String action, String target, String before, String after) {}

    /** Records a change inside the transaction that makes it, so the change and its record stand or fall together. */
    public static void record(Handle h, AdminUser who, String action, String target, Object before, Object after) {
        h.createUpdate("""
                INSERT INTO audit_log (user_id, username, action, target, before, after, contest_id)
                VALUES (:u, :name, :action, :target, CAST(:before AS jsonb), CAST(:after AS jsonb), :c)""")
                .bind("c", ContestScope.currentId()).bind("u", who.id()).bind("name", who.username()).bind("action", action).bind("target", target)
                .bind("before", json(before)).bind("after", json(after)).execute();
    }

    /**
     * A login, a failed or refused one, a logout, a download or a view of personal data: {@code who} is null when
     * no account is known (a failed login), and {@code username} is what was typed.
     */
    public static void recordAccess(Handle h, AdminUser who, String username, String action, String target) {
        h.createUpdate("INSERT INTO audit_log (user_id, username, action, target, contest_id) VALUES (:u, :name, :action, :target, :c)")
                .bind("c", ContestScope.currentId()).bind("u", who == null ? null : who.id()).bind("name", username.length() > 64 ? username.substring(0, 64) : username)
                .bind("action", action).bind("target", target).execute();
    }

    /** The latest entries of one contest, with the ones that belong to none (logins, logouts). */
    public List<Entry> latest(long contestId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT to_char(at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI:SS') AS at, username, action, target,
                       before::text AS before, after::text AS after
                FROM audit_log WHERE contest_id = :c OR contest_id IS NULL ORDER BY id DESC LIMIT :n""").bind("c", contestId).bind("n", limit)
                .map((rs, ctx) -> new Entry(rs.getString("at"), rs.getString("username"), rs.getString("action"),
                        rs.getString("target"), rs.getString("before"), rs.getString("after")))
                .list());
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value instanceof Map || value instanceof List ? value : Map.of("value", value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
