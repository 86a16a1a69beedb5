package vn.contest.core.participant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Participants as the committee looks them up: search, one person with their papers, disqualification. */
public final class ParticipantQueries {
    /**
     * One person as listed: their unit labelled with its district, how many papers they finished, how their
     * phone was verified, and where a dispute stands (disputed by whom, and how it was resolved).
     */
    public record Listed(long id, String fullName, LocalDate birthDate, String phone, int group, String unit, Instant registeredAt,
                         long papers, String disqualifiedReason, String phoneVerifiedVia, Instant disputedAt, Long disputedBy,
                         String disputeResolution, Long mergedInto) {
        public boolean openDispute() {
            return disputedAt != null && disputeResolution == null;
        }
    }

    /** One of a person's papers. */
    public record PaperLine(long id, String round, Instant startedAt, int score, int questionCount, Long durationMs,
                            Long prediction, String status, String finishReason) {}

    /** What verifying a winner needs. */
    public record Contact(long id, String phone, LocalDate birthDate) {}

    private static final String LISTED = """
            SELECT p.id, p.full_name, p.birth_date, p.phone, p.group_no, p.registered_at, p.disqualified_reason,
                   p.phone_verified_via, p.disputed_at, p.disputed_by, p.dispute_resolution, p.merged_into,
                   u.name || coalesce(', ' || parent.name, '') AS unit,
                   (SELECT count(*) FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished') AS papers
            FROM participants p JOIN units u ON u.id = p.unit_id LEFT JOIN units parent ON parent.id = u.parent_id
            """;

    private static final RowMapper<Listed> LISTED_ROW = (rs, ctx) -> new Listed(rs.getLong("id"), rs.getString("full_name"),
            rs.getObject("birth_date", LocalDate.class), rs.getString("phone"), rs.getInt("group_no"), rs.getString("unit"),
            rs.getTimestamp("registered_at").toInstant(), rs.getLong("papers"), rs.getString("disqualified_reason"),
            rs.getString("phone_verified_via"), rs.getTimestamp("disputed_at") == null ? null : rs.getTimestamp("disputed_at").toInstant(),
            (Long) rs.getObject("disputed_by"), rs.getString("dispute_resolution"), (Long) rs.getObject("merged_into"));

    private ParticipantQueries() {}

    /** Records a verified owner opened against a typed one, not resolved yet: newest first. */
    public static List<Listed> openDisputes(Handle h, long contestId) {
        return h.createQuery(LISTED + """
                WHERE p.contest_id = :c AND p.disputed_at IS NOT NULL AND p.dispute_resolution IS NULL
                ORDER BY p.disputed_at DESC""").bind("c", contestId).map(LISTED_ROW).list();
    }

    /** Newest first; {@code search} matches a name or unit, {@code phonePrefix} (4 digits or more) a phone. */
    public static List<Listed> search(Handle h, long contestId, String search, String phonePrefix, int limit, int offset) {
        return h.createQuery(LISTED + """
                WHERE p.contest_id = :c AND (:q = '' OR p.full_name ILIKE '%' || :q || '%' OR u.name ILIKE '%' || :q || '%'
                      OR (length(:phone) >= 4 AND p.phone LIKE :phone || '%'))
                ORDER BY p.registered_at DESC LIMIT :limit OFFSET :offset""")
                .bind("c", contestId).bind("q", search).bind("phone", phonePrefix).bind("limit", limit).bind("offset", offset)
                .map(LISTED_ROW).list();
    }

    public static Optional<Listed> find(Handle h, long contestId, long id) {
        return h.createQuery(LISTED + " WHERE p.id = :id AND p.contest_id = :c").bind("id", id).bind("c", contestId)
                .map(LISTED_ROW).findOne();
    }

    public static List<PaperLine> papers(Handle h, long participantId) {
        return h.createQuery("""
                SELECT a.id, r.name AS round, a.started_at, a.score, a.question_count, a.duration_ms, a.prediction, a.status,
                       a.finish_reason
                FROM attempts a JOIN rounds r ON r.id = a.round_id WHERE a.participant_id = :p ORDER BY a.started_at""")
                .bind("p", participantId)
                .map((rs, ctx) -> new PaperLine(rs.getLong("id"), rs.getString("round"), rs.getTimestamp("started_at").toInstant(),
                        rs.getInt("score"), rs.getInt("question_count"), (Long) rs.getObject("duration_ms"),
                        (Long) rs.getObject("prediction"), rs.getString("status"), rs.getString("finish_reason")))
                .list();
    }

    public static Map<Long, Contact> contacts(Handle h, List<Long> ids) {
        return h.createQuery("SELECT id, phone, birth_date FROM participants WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> new Contact(rs.getLong("id"), rs.getString("phone"), rs.getObject("birth_date", LocalDate.class)))
                .stream().collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    /**
     * Locks a participant of this contest for a change of their disqualification: empty when there is no such
     * person, else the reason they are disqualified for now (empty when they are not).
     */
    public static Optional<Optional<String>> lockDisqualification(Handle h, long contestId, long id) {
        return h.createQuery("SELECT disqualified_reason FROM participants WHERE id = :id AND contest_id = :c FOR UPDATE")
                .bind("id", id).bind("c", contestId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString("disqualified_reason"))).findOne();
    }

    /**
     * The committee confirmed the phone by calling it; returns how it was verified before, empty if no such
     * person. Never for a disputed record: a call to that number reaches the person who proved it is theirs.
     */
    public static Optional<Optional<String>> verifyByCall(Handle h, long contestId, long id, Instant now) {
        Optional<Optional<String>> before = h.createQuery("""
                        SELECT phone_verified_via FROM participants WHERE id = :id AND contest_id = :c AND disputed_at IS NULL
                        FOR UPDATE""")
                .bind("id", id).bind("c", contestId).map((rs, ctx) -> Optional.ofNullable(rs.getString("phone_verified_via"))).findOne();
        if (before.isPresent() && before.get().isEmpty()) {
            h.createUpdate("UPDATE participants SET phone_verified_via = 'committee', phone_verified_at = :now WHERE id = :id")
                    .bind("now", now.atOffset(java.time.ZoneOffset.UTC)).bind("id", id).execute();
        }
        return before;
    }

    /** How the committee settles a disputed record. */
    public enum Resolution { MERGED, KEPT_APART, DISQUALIFIED }

    /**
     * Settles an open dispute. MERGED: the same person after all; the typed record stops counting (only the
     * verified record's own papers count, within its own caps) and its chats, never verified, are detached.
     * KEPT_APART: two people; the record competes as any typed one. DISQUALIFIED: out, with the reason.
     * Returns false when there is no such open dispute.
     */
    public static boolean resolveDispute(Handle h, long contestId, long id, Resolution resolution, String reason, Instant now) {
        Optional<Long> owner = h.createQuery("""
                SELECT disputed_by FROM participants WHERE id = :id AND contest_id = :c
                  AND disputed_at IS NOT NULL AND dispute_resolution IS NULL FOR UPDATE""")
                .bind("id", id).bind("c", contestId).mapTo(Long.class).findOne();
        if (owner.isEmpty()) {
            return false;
        }
        switch (resolution) {
            case MERGED -> {
                h.execute("UPDATE chat_accounts SET participant_id = NULL, state = 'CONSENT', draft = '{}' WHERE participant_id = ?", id);
                h.execute("UPDATE participants SET dispute_resolution = 'merged', merged_into = ? WHERE id = ?", owner.get(), id);
            }
            case KEPT_APART -> h.execute("UPDATE participants SET dispute_resolution = 'kept_apart' WHERE id = ?", id);
            case DISQUALIFIED -> h.createUpdate("""
                    UPDATE participants SET dispute_resolution = 'disqualified', disqualified_at = :now, disqualified_reason = :r
                    WHERE id = :id""").bind("now", now.atOffset(java.time.ZoneOffset.UTC)).bind("r", reason).bind("id", id).execute();
        }
        return true;
    }

    /**
     * Disqualifies with a reason, or (null) lets the person compete again; letting back someone disqualified
     * over a phone dispute keeps them apart from the number's verified owner.
     */
    public static void setDisqualified(Handle h, long id, String reason) {
        h.createUpdate("""
                UPDATE participants SET disqualified_at = CASE WHEN :r IS NULL THEN NULL ELSE now() END, disqualified_reason = :r,
                    dispute_resolution = CASE WHEN :r IS NULL AND dispute_resolution = 'disqualified' THEN 'kept_apart'
                                              ELSE dispute_resolution END
                WHERE id = :id""").bind("r", reason).bind("id", id).execute();
    }
}
