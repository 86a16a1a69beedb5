package vn.contest.core.participant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Participants: one per phone number (and per ID number when one is given) in a contest, a disputed record
 * aside. Who owns a phone, how it was verified, and the disputes a verified owner opens.
 */
public final class ParticipantStore {
    private static final RowMapper<Participant> MAPPER = (rs, ctx) -> new Participant(
            rs.getLong("id"), rs.getString("full_name"), rs.getObject("birth_date", java.time.LocalDate.class),
            rs.getString("phone"), rs.getString("id_number"), rs.getInt("group_no"), rs.getLong("unit_id"),
            rs.getTimestamp("registered_at").toInstant(),
            rs.getTimestamp("disqualified_at") == null ? null : rs.getTimestamp("disqualified_at").toInstant(),
            rs.getString("disqualified_reason"), rs.getString("phone_verified_via"),
            rs.getTimestamp("disputed_at") == null ? null : rs.getTimestamp("disputed_at").toInstant(),
            rs.getString("dispute_resolution"), (Long) rs.getObject("merged_into"));

    /** Who holds a phone now (a disputed record holds it no longer), and whether their phone was verified. */
    public record PhoneOwner(long id, boolean verified) {}

    private ParticipantStore() {}

    public static Optional<Participant> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM participants WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    public static Optional<PhoneOwner> ownerOf(Handle h, long contestId, String phone) {
        return h.createQuery("""
                SELECT id, phone_verified_via IS NOT NULL AS verified FROM participants
                WHERE contest_id = :c AND phone = :phone AND disputed_at IS NULL""")
                .bind("c", contestId).bind("phone", phone)
                .map((rs, ctx) -> new PhoneOwner(rs.getLong("id"), rs.getBoolean("verified"))).findOne();
    }

    /** Who holds an ID number now (a disputed record holds it no longer): their phone, and whether it was verified. */
    public record IdNumberHolder(long id, String phone, boolean verified) {}

    public static Optional<IdNumberHolder> holderOfIdNumber(Handle h, long contestId, String idNumber) {
        return h.createQuery("""
                SELECT id, phone, phone_verified_via IS NOT NULL AS verified FROM participants
                WHERE contest_id = :c AND id_number = :n AND disputed_at IS NULL""")
                .bind("c", contestId).bind("n", idNumber)
                .map((rs, ctx) -> new IdNumberHolder(rs.getLong("id"), rs.getString("phone"), rs.getBoolean("verified"))).findOne();
    }

    /**
     * Inserts the participant, or returns empty when the phone or ID number was taken meanwhile.
     * {@code registeredFrom} is the client address of a web registration (null on the platforms).
     */
    public static Optional<Long> insert(Handle h, long contestId, Draft d, Long referralUnitId, String registeredFrom, Instant now) {
        return h.createQuery("""
                INSERT INTO participants (contest_id, full_name, birth_date, phone, id_number, group_no, unit_id,
                                          referral_unit_id, registered_at, phone_verified_via, phone_verified_at, registered_from, person_id)
                VALUES (:c, :name, :birth, :phone, :idNumber, :group, :unit, :ref, :now, :via,
                        CASE WHEN CAST(:via AS text) IS NULL THEN NULL ELSE CAST(:now AS timestamptz) END, :from, :person)
                ON CONFLICT DO NOTHING RETURNING id""")
                .bind("c", contestId).bind("name", d.fullName).bind("birth", d.birthDate).bind("phone", d.phone)
                .bind("idNumber", d.idNumber).bind("group", d.group).bind("unit", d.unitId).bind("ref", referralUnitId)
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("via", d.phoneVerifiedVia).bind("from", registeredFrom)
                .bind("person", d.personId).mapTo(Long.class).findOne();
    }

    /**
     * A verified owner claims a phone that a typed-only record holds: that record is set aside as disputed
     * (kept, shown to the committee, out of the prize list) and the phone is free for the owner. Returns the
     * disputed record's id.
     */
    public static Optional<Long> disputeTypedHolder(Handle h, long contestId, String phone, Instant now) {
        return h.createQuery("""
                UPDATE participants SET disputed_at = :now
                WHERE contest_id = :c AND phone = :phone AND disputed_at IS NULL AND phone_verified_via IS NULL
                RETURNING id""")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("c", contestId).bind("phone", phone)
                .mapTo(Long.class).findOne();
    }

    /** What an erased record keeps of the person: nothing that identifies them. */
    private static final String ERASE = """
            UPDATE participants SET full_name = 'Đã xóa', birth_date = DATE '1900-01-01', phone = 'xoa-' || id, id_number = NULL,
                registered_from = NULL, phone_verified_via = NULL, phone_verified_at = NULL,
                disqualified_at = coalesce(disqualified_at, :now), disqualified_reason = :reason
            """;

    /** The person key of a participant row: every contest's row of one person shares it. */
    public static long personOf(Handle h, long participantId) {
        return h.createQuery("SELECT coalesce(person_id, id) FROM participants WHERE id = :id").bind("id", participantId)
                .mapTo(Long.class).one();
    }

    /** Every participant row of the person, in every contest. */
    public static java.util.List<Long> rowsOfPerson(Handle h, long personId) {
        return h.createQuery("SELECT id FROM participants WHERE coalesce(person_id, id) = :p ORDER BY id").bind("p", personId)
                .mapTo(Long.class).list();
    }

    /**
     * The person withdraws and their data is erased ("xóa dữ liệu của tôi"): the record stays, anonymous and out
     * of every count, so finished papers still add up in the bank's statistics.
     */
    public static void erase(Handle h, long id, Instant now) {
        h.createUpdate(ERASE + " WHERE id = :id").bind("id", id).bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("reason", "Đã rút khỏi cuộc thi và xóa dữ liệu theo yêu cầu").execute();
    }

    /**
     * After the contest: everyone's data is erased except the people whose phones are given (the confirmed
     * winners, kept for the prize paperwork). Returns how many records were anonymised.
     */
    public static int anonymiseAllBut(Handle h, long contestId, java.util.List<String> keepPhones, Instant now) {
        h.execute("UPDATE chat_accounts SET draft = '{}' WHERE contest_id = ?", contestId);
        return h.createUpdate(ERASE + " WHERE contest_id = :c AND phone NOT LIKE 'xoa-%' AND phone <> ALL(:keep)")
                .bind("c", contestId).bind("keep", keepPhones.toArray(new String[0])).bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("reason", "Dữ liệu đã được ẩn danh sau cuộc thi").execute();
    }

    public static void undoDispute(Handle h, long disputedId) {
        h.execute("UPDATE participants SET disputed_at = NULL WHERE id = ? AND disputed_by IS NULL", disputedId);
    }

    public static void setDisputedBy(Handle h, long disputedId, long ownerId) {
        h.execute("UPDATE participants SET disputed_by = ? WHERE id = ?", ownerId, disputedId);
    }
}
