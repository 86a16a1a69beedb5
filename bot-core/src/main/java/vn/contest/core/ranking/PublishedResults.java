package vn.contest.core.ranking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.contest.core.rules.PhoneMask;

/**
 * The prize list a contest's committee published on its public page: one confirmed snapshot
 * ({@link PrizeSnapshotStore}) per contest at most, until withdrawn. The public lines are read from the snapshot's
 * JSON here, only the fields a public list carries: the birth date never leaves the database, and the phone
 * leaves it masked ({@link PhoneMask}).
 */
public final class PublishedResults {
    /** Which confirmed list is published, since when and by whom. */
    public record Publication(long snapshotId, Instant publishedAt, String publishedBy) {}

    /**
     * One prize as the public reads it. {@code kind} is "Cá nhân" or "Tập thể" (then {@code name} and {@code unit}
     * are the unit); {@code time}: how long the counted paper took (empty on lists confirmed before it was kept).
     */
    public record Line(String kind, String round, String group, String prize, int rank, String name, String unit,
                       String score, String time, String maskedPhone) {}

    private PublishedResults() {}

    /**
     * Publishes the confirmed list {@code snapshotId} of the contest, in place of any published before; false, and
     * nothing changed, when the contest has no such list.
     */
    public static boolean publish(Handle h, long contestId, long snapshotId, String by) {
        return h.createUpdate("""
                INSERT INTO published_results (contest_id, snapshot_id, published_by)
                SELECT contest_id, id, :by FROM prize_snapshots WHERE id = :s AND contest_id = :c
                ON CONFLICT (contest_id) DO UPDATE
                    SET snapshot_id = EXCLUDED.snapshot_id, published_at = now(), published_by = EXCLUDED.published_by""")
                .bind("c", contestId).bind("s", snapshotId).bind("by", by).execute() == 1;
    }

    /** Takes the contest's list off its public page; what was published, if anything. */
    public static Optional<Publication> withdraw(Handle h, long contestId) {
        return h.createQuery("""
                DELETE FROM published_results WHERE contest_id = :c
                RETURNING snapshot_id, published_at, published_by""")
                .bind("c", contestId).map((rs, ctx) -> publication(rs)).findOne();
    }

    public static Optional<Publication> current(Handle h, long contestId) {
        return h.createQuery("SELECT snapshot_id, published_at, published_by FROM published_results WHERE contest_id = :c")
                .bind("c", contestId).map((rs, ctx) -> publication(rs)).findOne();
    }

    /** What the page says in place of the name of a winner whose data has been erased since the list was published. */
    public static final String ERASED = "(thông tin đã được xóa theo quy định)";

    /** The published list's lines in the order confirmed; empty when nothing is published. */
    public static List<Line> lines(Handle h, long contestId) {
        // The field names are those of the admin web's confirmed list (ResultsPage.Winner); birthDate is never read.
        // A winner whose data was erased since (on request, or anonymised with everyone) keeps the prize on the page,
        // but neither name nor phone: the list is frozen, the person's row is what still says they may be shown.
        return h.createQuery("""
                SELECT e->>'kind' AS kind, e->>'round' AS round, e->>'group' AS grp, e->>'prize' AS prize,
                       COALESCE((e->>'rank')::int, 0) AS rank, e->>'unit' AS unit, e->>'score' AS score, e->>'time' AS time,
                       CASE WHEN kept THEN e->>'name' ELSE :erased END AS name, CASE WHEN kept THEN e->>'phone' END AS phone
                FROM published_results p
                JOIN prize_snapshots s ON s.id = p.snapshot_id AND s.contest_id = p.contest_id
                CROSS JOIN LATERAL jsonb_array_elements(s.entries) WITH ORDINALITY AS x(e, n)
                CROSS JOIN LATERAL (SELECT coalesce(e->>'phone', '') = '' OR EXISTS (
                        SELECT 1 FROM participants pa WHERE pa.contest_id = p.contest_id AND pa.phone = e->>'phone') AS kept) k
                WHERE p.contest_id = :c ORDER BY x.n""")
                .bind("c", contestId).bind("erased", ERASED)
                .map((rs, ctx) -> new Line(text(rs.getString("kind")), text(rs.getString("round")), text(rs.getString("grp")),
                        text(rs.getString("prize")), rs.getInt("rank"), text(rs.getString("name")), text(rs.getString("unit")),
                        text(rs.getString("score")), text(rs.getString("time")), PhoneMask.published(rs.getString("phone"))))
                .list();
    }

    private static Publication publication(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Publication(rs.getLong("snapshot_id"), rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
