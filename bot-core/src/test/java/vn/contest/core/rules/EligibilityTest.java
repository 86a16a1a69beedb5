package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.participant.Participant;

class EligibilityTest {
    final ContestConfig config = RulesFixture.config();
    final Eligibility eligibility = new Eligibility(config);

    @Test
    void theMinimumAgeIsCountedOnTheContestsFirstDay() {
        LocalDate firstDay = config.startDate();
        assertEquals(firstDay, eligibility.ageCountedOn());
        assertTrue(eligibility.oldEnough(firstDay.minusYears(15)), "fifteen on the first day");
        assertFalse(eligibility.oldEnough(firstDay.minusYears(15).plusDays(1)), "fifteen the day after");
    }

    @Test
    void committeeMembersAreExcludedByPhoneOrIdNumber() {
        assertTrue(eligibility.excluded("0999888777", null));
        assertTrue(eligibility.excluded(null, "001099000111"));
        assertTrue(eligibility.excluded("0912000001", "001099000111"));
        assertFalse(eligibility.excluded("0912000001", "001099000222"));
        assertFalse(eligibility.excluded(null, null));
    }

    @Test
    void disqualifiedOrExcludedPeopleMayNotCompete() {
        assertTrue(eligibility.mayCompete(person("0912000001", null)));
        assertFalse(eligibility.mayCompete(person("0999888777", null)), "added to the exclusion list after registering");
        Participant disqualified = new Participant(2, "Trần Thị B", LocalDate.of(1990, 1, 1), "0912000002", null, 1, 1,
                Instant.EPOCH, Instant.EPOCH, "gian lận", "telegram", null, null, null);
        assertFalse(eligibility.mayCompete(disqualified));
    }

    @Test
    void toWinAPhoneMustBeVerifiedAndTheRecordNotDisputed() {
        assertTrue(eligibility.mayWin(person("0912000001", null)), "a verified phone");
        Participant typedOnly = typed(null);
        assertTrue(eligibility.mayCompete(typedOnly), "a typed phone may still take papers and rank");
        assertFalse(eligibility.mayWin(typedOnly), "but not win, by default");
        ContestConfig relaxed = vn.contest.core.testing.TestContest.config(vn.contest.core.testing.TestContest.yaml()
                .replace("  minAge: 15", "  minAge: 15\n  prizesNeedVerifiedPhone: false"));
        assertTrue(new Eligibility(relaxed).mayWin(typedOnly), "unless the contest says otherwise");
        assertFalse(new Eligibility(relaxed).mayWin(typed("none")), "a disputed record never wins while the dispute is open");
        assertTrue(new Eligibility(relaxed).mayWin(typed("kept_apart")), "kept apart by the committee: a typed record like any other");
    }

    @Test
    void onlyADisputeTheCommitteeKeptApartLetsTheRecordWin() {
        // As COULD_WIN says: a dispute settled otherwise never lets the record win, even with its flag cleared since.
        Eligibility relaxed = new Eligibility(vn.contest.core.testing.TestContest.config(vn.contest.core.testing.TestContest.yaml()
                .replace("  minAge: 15", "  minAge: 15\n  prizesNeedVerifiedPhone: false")));
        assertTrue(relaxed.mayWin(typed("kept_apart")));
        assertFalse(relaxed.mayWin(typed("disqualified")), "a disqualification over the dispute, lifted without keeping it apart");
        assertFalse(relaxed.mayWin(typed("merged")));
    }

    @Test
    void theSqlFormsNestLikeTheRules() {
        assertTrue(Eligibility.MAY_RANK.startsWith(Eligibility.TOOK_PART), Eligibility.MAY_RANK);
        assertTrue(Eligibility.COULD_WIN.startsWith(Eligibility.MAY_RANK), Eligibility.COULD_WIN);
        assertTrue(Eligibility.COULD_WIN.contains("phone_verified_via") && Eligibility.COULD_WIN.contains("disputed_at"));
    }

    static Participant person(String phone, String idNumber) {
        return new Participant(1, "Nguyễn Văn A", LocalDate.of(1990, 1, 1), phone, idNumber, 1, 1, Instant.EPOCH, null, null,
                "zalo", null, null, null);
    }

    static Participant typed(String resolution) {
        return new Participant(3, "Lê Văn C", LocalDate.of(1990, 1, 1), "0912000003", null, 1, 1, Instant.EPOCH, null, null,
                null, resolution == null ? null : Instant.EPOCH, "none".equals(resolution) ? null : resolution, null);
    }
}
