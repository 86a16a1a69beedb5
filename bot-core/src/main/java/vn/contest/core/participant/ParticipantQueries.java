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
    /** One person as listed: their unit labelled with its district, and how many papers they finished. */
    public record Listed(long id, String fullName, LocalDate birthDate, String phone, int group, String unit, Instant registeredAt,
                         long papers, String disqualifiedReason) {}

    /** One of a person's papers. */
    public record PaperLine(long id, String round, Instant startedAt, int score, int questionCount, Long durationMs,
                            Long prediction, String status, String finishReason) {}

    /** What verifying a winner needs. */
    public record Contact(long id, String phone, LocalDate birthDate) {}

    private static final String LISTED = """
            SELECT p.id, p.full_name, p.birth_date, p.phone, p.group_no, p.registered_at, p.disqualified_reason,
                   u.name || coalesce(', ' || parent.name, '') AS unit,
                   (SELECT count(*) FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished') AS papers
            FROM participants p JOIN units u ON u.id = p.unit_id LEFT JOIN units parent ON parent.id = u.parent_id
            """;

    private static final RowMapper<Listed> LISTED_ROW = (rs, ctx) -> new Listed(rs.getLong("id"), rs.getString("full_name"),
            rs.getObject("birth_date", LocalDate.class), rs.getString("phone"), rs.getInt("group_no"), rs.getString("unit"),
            rs.getTimestamp("registered_at").toInstant(), rs.getLong("papers"), rs.getString("disqualified_reason"));

    private ParticipantQueries() {}

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

    /** Disqualifies with a reason, or (null) lets the person compete again. */
    public static void setDisqualified(Handle h, long id, String reason) {
        h.createUpdate("""
                UPDATE participants SET disqualified_at = CASE WHEN :r IS NULL THEN NULL ELSE now() END, disqualified_reason = :r
                WHERE id = :id""").bind("r", reason).bind("id", id).execute();
    }
}
