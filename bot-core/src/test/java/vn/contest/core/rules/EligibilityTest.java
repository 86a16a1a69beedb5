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
                Instant.EPOCH, Instant.EPOCH, "gian lận");
        assertFalse(eligibility.mayCompete(disqualified));
    }

    @Test
    void theSqlFormNamesTheSameConditions() {
        assertTrue(Eligibility.MAY_RANK.startsWith(Eligibility.COUNTS_AS_PARTICIPANT), Eligibility.MAY_RANK);
        assertTrue(Eligibility.MAY_RANK.contains(":excludedPhones") && Eligibility.MAY_RANK.contains(":excludedIds"));
    }

    static Participant person(String phone, String idNumber) {
        return new Participant(1, "Nguyễn Văn A", LocalDate.of(1990, 1, 1), phone, idNumber, 1, 1, Instant.EPOCH, null, null);
    }
}
