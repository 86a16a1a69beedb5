package vn.contest.core.ranking;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Confirmed prize lists: each confirmation freezes the list as it was (JSON of the lines the committee saw),
 * with when and by whom, so later data cannot change what was signed. Rows are only ever added.
 */
public final class PrizeSnapshotStore {
    public record Snapshot(long id, Instant confirmedAt, String confirmedBy, String entriesJson) {}

    private PrizeSnapshotStore() {}

    public static Optional<Snapshot> latest(Handle h, long contestId) {
        return h.createQuery("""
                SELECT id, confirmed_at, confirmed_by, entries::text AS entries
                FROM prize_snapshots WHERE contest_id = :c ORDER BY id DESC LIMIT 1""")
                .bind("c", contestId)
                .map((rs, ctx) -> new Snapshot(rs.getLong("id"), rs.getTimestamp("confirmed_at").toInstant(),
                        rs.getString("confirmed_by"), rs.getString("entries")))
                .findOne();
    }

    public static long add(Handle h, long contestId, String confirmedBy, String entriesJson) {
        return h.createQuery("INSERT INTO prize_snapshots (contest_id, confirmed_by, entries) VALUES (:c, :by, CAST(:e AS jsonb)) RETURNING id")
                .bind("c", contestId).bind("by", confirmedBy).bind("e", entriesJson).mapTo(Long.class).one();
    }
}
