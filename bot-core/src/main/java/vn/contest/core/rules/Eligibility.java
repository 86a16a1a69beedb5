package vn.contest.core.rules;

import java.time.LocalDate;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.statement.SqlStatement;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.participant.Participant;
import vn.contest.core.text.BirthDates;

/**
 * Who may take part and who may win: old enough on the contest's first day, not on the committee's
 * exclusion list (by phone or ID number), not disqualified; and to win, not a merged record nor a disputed
 * one the committee did not keep apart, and (unless the contest says otherwise) with a verified phone. Each rule
 * is written once with its SQL beside it ({@link Rule}); the SQL forms ({@link #TOOK_PART}, {@link #MAY_RANK},
 * {@link #MAY_COMPETE}, {@link #COULD_WIN}) keep rankings, the tie-break's actual number, the collective
 * standings and the dashboard in step with the dialogue.
 */
public final class Eligibility {
    /**
     * A rule on a person written once, as SQL on {@code participants p} and as the same test in Java, so that a
     * rule's two forms sit side by side; EligibilitySqlTest holds them together on every combination of states.
     */
    record Rule(String sql, BiPredicate<Eligibility, Participant> test) {
        Rule and(Rule next) {
            return new Rule(sql + " AND " + next.sql, test.and(next.test));
        }

        boolean holds(Eligibility eligibility, Participant p) {
            return test.test(eligibility, p);
        }
    }

    /**
     * On {@code participants p}: the person is set aside (disqualified, or merged into another), written as the
     * partial index {@code participants_set_aside} is, so counts can be corrected by these few people.
     */
    public static final String SET_ASIDE = "(p.disqualified_at IS NOT NULL OR p.merged_into IS NOT NULL)";

    private static final Rule NOT_SET_ASIDE = new Rule("NOT " + SET_ASIDE, (e, p) -> !(p.isDisqualified() || p.isMerged()));

    private static final Rule NOT_EXCLUDED = new Rule(
            "p.phone <> ALL(:excludedPhones) AND (p.id_number IS NULL OR p.id_number <> ALL(:excludedIds))",
            (e, p) -> !e.excluded(p.phone(), p.idNumber()));

    /** An open dispute pauses the record; a settled one lets it go on (or it was set aside by the settling). */
    private static final Rule NO_OPEN_DISPUTE = new Rule("(p.disputed_at IS NULL OR p.dispute_resolution IS NOT NULL)",
            (e, p) -> !p.isDisputed());

    /** To win, a disputed record must have been kept apart by the committee: the only settling that leaves it in. */
    private static final Rule UNDISPUTED_OR_KEPT_APART = new Rule("(p.disputed_at IS NULL OR p.dispute_resolution = 'kept_apart')",
            (e, p) -> p.disputedAt() == null || "kept_apart".equals(p.disputeResolution()));

    private static final Rule VERIFIED_IF_ASKED = new Rule("(:verifiedNotNeeded OR p.phone_verified_via IS NOT NULL)",
            (e, p) -> !e.config.eligibility().needsVerifiedPhone() || p.isPhoneVerified());

    /** The standings as rules, each narrowing an earlier one; the SQL constants below are read off them. */
    static final Rule TAKES_PART = NOT_SET_ASIDE;
    static final Rule RANKS = TAKES_PART.and(NOT_EXCLUDED);
    static final Rule COMPETES = RANKS.and(NO_OPEN_DISPUTE);
    static final Rule WINS = RANKS.and(UNDISPUTED_OR_KEPT_APART).and(VERIFIED_IF_ASKED);

    /** On {@code participants p}: the person took part as themselves (not set aside). */
    public static final String TOOK_PART = TAKES_PART.sql();

    /** On {@code participants p}: the person appears in the rankings. Bind its parameters with {@link #bind}. */
    public static final String MAY_RANK = RANKS.sql();

    /**
     * On {@code participants p}: the person may start a paper (not excluded, disqualified, merged, nor held by an
     * open dispute), {@link #mayCompete} in Java. Bind its parameters with {@link #bind}.
     */
    public static final String MAY_COMPETE = COMPETES.sql();

    /**
     * On {@code participants p}: the person could win a prize, {@link #mayWin} in Java, so counts for the
     * prediction's "actual participants" and the collective standings. Bind its parameters with {@link #bind}.
     */
    public static final String COULD_WIN = WINS.sql();

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

    /** Whether a registered person may still take papers and rank (an open dispute pauses them): {@link #MAY_COMPETE}. */
    public boolean mayCompete(Participant p) {
        return COMPETES.holds(this, p);
    }

    /** Whether a person could be given a prize now: {@link #COULD_WIN}. */
    public boolean mayWin(Participant p) {
        return WINS.holds(this, p);
    }

    /** Binds the parameters of {@link #MAY_RANK}, {@link #MAY_COMPETE} and {@link #COULD_WIN}. */
    public <T extends SqlStatement<T>> T bind(T statement) {
        return statement.bind("excludedPhones", config.exclusions().phones().toArray(new String[0]))
                .bind("excludedIds", config.exclusions().idNumbers().toArray(new String[0]))
                .bind("verifiedNotNeeded", !config.eligibility().needsVerifiedPhone());
    }
}
