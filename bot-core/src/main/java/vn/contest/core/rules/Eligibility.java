package vn.contest.core.rules;

import java.time.LocalDate;
import org.jdbi.v3.core.statement.SqlStatement;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.participant.Participant;
import vn.contest.core.text.BirthDates;

/**
 * Who may take part and who may win: old enough on the contest's first day, not on the committee's
 * exclusion list (by phone or ID number), not disqualified; and to win, not a disputed or merged record and
 * (unless the contest says otherwise) with a verified phone. The same rules in SQL ({@link #TOOK_PART},
 * {@link #MAY_RANK}, {@link #COULD_WIN}) keep rankings, the tie-break's actual number, the collective
 * standings and the dashboard in step with the dialogue.
 */
public final class Eligibility {
    /**
     * On {@code participants p}: the person is set aside (disqualified, or merged into another), written as the
     * partial index {@code participants_set_aside} is, so counts can be corrected by these few people.
     */
    public static final String SET_ASIDE = "(p.disqualified_at IS NOT NULL OR p.merged_into IS NOT NULL)";

    /** On {@code participants p}: the person took part as themselves (not set aside). */
    public static final String TOOK_PART = "NOT " + SET_ASIDE;

    /** On {@code participants p}: the person appears in the rankings. Bind its parameters with {@link #bind}. */
    public static final String MAY_RANK = TOOK_PART + """
             AND p.phone <> ALL(:excludedPhones) \
            AND (p.id_number IS NULL OR p.id_number <> ALL(:excludedIds))""";

    /**
     * On {@code participants p}: the person may start a paper (not excluded, disqualified, merged, nor held by an
     * open dispute: {@code mayCompete} and not {@code isDisputed} in Java). Bind its parameters with {@link #bind}.
     */
    public static final String MAY_COMPETE = MAY_RANK + """
             AND (p.disputed_at IS NULL OR p.dispute_resolution IS NOT NULL)""";

    /**
     * On {@code participants p}: the person could win a prize, so counts for the prediction's "actual
     * participants" and the collective standings. Bind its parameters with {@link #bind}.
     */
    public static final String COULD_WIN = MAY_RANK + """
             AND (p.disputed_at IS NULL OR p.dispute_resolution = 'kept_apart') \
            AND (:verifiedNotNeeded OR p.phone_verified_via IS NOT NULL)""";

    private final ContestConfig config;

    public Eligibility(ContestConfig config) {
        this.config = config;
    }

    public int minAge() {
        return config.eligibility().minAge();
    }

    /** The day the minimum age is counted on: the contest's first day. */
    public LocalDate ageCountedOn() {
        return config.startDate();
    }

    public boolean oldEnough(LocalDate birthDate) {
        return BirthDates.ageOn(birthDate, ageCountedOn()) >= minAge();
    }

    /** Committee members (Ban Tổ chức, Tổ soạn thảo, Tổ Thư ký) cannot compete; either argument may be null. */
    public boolean excluded(String phone, String idNumber) {
        return (phone != null && config.exclusions().phones().contains(phone))
                || (idNumber != null && config.exclusions().idNumbers().contains(idNumber));
    }

    /** Whether a registered person may still take papers and rank (an open dispute pauses them). */
    public boolean mayCompete(Participant p) {
        return !p.isDisqualified() && !p.isMerged() && !p.isDisputed() && !excluded(p.phone(), p.idNumber());
    }

    /** Whether a person could be given a prize now. */
    public boolean mayWin(Participant p) {
        return mayCompete(p) && (!config.eligibility().needsVerifiedPhone() || p.isPhoneVerified());
    }

    /** Binds the parameters of {@link #MAY_RANK} and {@link #COULD_WIN}. */
    public <T extends SqlStatement<T>> T bind(T statement) {
        return statement.bind("excludedPhones", config.exclusions().phones().toArray(new String[0]))
                .bind("excludedIds", config.exclusions().idNumbers().toArray(new String[0]))
                .bind("verifiedNotNeeded", !config.eligibility().needsVerifiedPhone());
    }
}
