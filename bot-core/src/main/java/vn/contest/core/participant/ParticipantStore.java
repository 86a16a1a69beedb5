package vn.contest.core.participant;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Participants: one per phone number (and per ID number when one is given) in a contest. */
public final class ParticipantStore {
    private static final RowMapper<Participant> MAPPER = (rs, ctx) -> new Participant(
            rs.getLong("id"), rs.getString("full_name"), rs.getObject("birth_date", java.time.LocalDate.class),
            rs.getString("phone"), rs.getString("id_number"), rs.getInt("group_no"), rs.getLong("unit_id"),
            rs.getTimestamp("registered_at").toInstant(),
            rs.getTimestamp("disqualified_at") == null ? null : rs.getTimestamp("disqualified_at").toInstant(),
            rs.getString("disqualified_reason"));

    private ParticipantStore() {}

    public static Optional<Participant> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM participants WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    public static Optional<Long> idByPhone(Handle h, long contestId, String phone) {
        return h.createQuery("SELECT id FROM participants WHERE contest_id = :c AND phone = :phone")
                .bind("c", contestId).bind("phone", phone).mapTo(Long.class).findOne();
    }

    public static Optional<Long> idByIdNumber(Handle h, long contestId, String idNumber) {
        return h.createQuery("SELECT id FROM participants WHERE contest_id = :c AND id_number = :n")
                .bind("c", contestId).bind("n", idNumber).mapTo(Long.class).findOne();
    }

    /** Inserts the participant, or returns empty when the phone or ID number was taken meanwhile. */
    public static Optional<Long> insert(Handle h, long contestId, Draft d, Long referralUnitId, Instant now) {
        return h.createQuery("""
                INSERT INTO participants (contest_id, full_name, birth_date, phone, id_number, group_no, unit_id,
                                          referral_unit_id, registered_at)
                VALUES (:c, :name, :birth, :phone, :idNumber, :group, :unit, :ref, :now)
                ON CONFLICT DO NOTHING RETURNING id""")
                .bind("c", contestId).bind("name", d.fullName).bind("birth", d.birthDate).bind("phone", d.phone)
                .bind("idNumber", d.idNumber).bind("group", d.group).bind("unit", d.unitId).bind("ref", referralUnitId)
                .bind("now", now.atOffset(java.time.ZoneOffset.UTC))
                .mapTo(Long.class).findOne();
    }
}
