package vn.contest.core.rules;

import java.time.LocalDate;
import org.jdbi.v3.core.statement.SqlStatement;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.participant.Participant;
import vn.contest.core.text.BirthDates;

/**
 * Who may take part: old enough on the contest's first day, not on the committee's exclusion list (by phone
 * or ID number), and not disqualified. The same rule in SQL ({@link #MAY_RANK}) keeps rankings, the
 * "actual participants" of the tie-break and the dashboards in step with the dialogue.
 */
public final class Eligibility {
    /**
     * A condition on {@code participants p}: the person counts as having taken part (in the tie-break's
     * actual number, the collective standings and the dashboard) when they have not been disqualified.
     */
    public static final String COUNTS_AS_PARTICIPANT = "p.disqualified_at IS NULL";

    /** A condition on {@code participants p}: the person may rank. Bind its parameters with {@link #bind}. */
    public static final String MAY_RANK = COUNTS_AS_PARTICIPANT + """
             AND p.phone <> ALL(:excludedPhones) \
            AND (p.id_number IS NULL OR p.id_number <> ALL(:excludedIds))""";

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

    /** Whether a registered person may still take papers and rank. */
    public boolean mayCompete(Participant p) {
        return !p.isDisqualified() && !excluded(p.phone(), p.idNumber());
    }

    /** Binds the parameters of {@link #MAY_RANK}. */
    public <T extends SqlStatement<T>> T bind(T statement) {
        return statement.bind("excludedPhones", config.exclusions().phones().toArray(new String[0]))
                .bind("excludedIds", config.exclusions().idNumbers().toArray(new String[0]));
    }
}
