package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.StartLink;
import vn.contest.core.contest.Unit;
import vn.contest.core.testing.TestContest;

/** Which contests a chat is offered, and what a start link names: no database. */
class ContestsRulesTest {
    static Contest contest(long id, String code, String opens) {
        return contest(id, code, opens, "today+40d");
    }

    static Contest contest(long id, String code, String opens, String closes) {
        ContestConfig c = TestContest.config(TestContest.yaml().replace("code: test-contest", "code: " + code)
                .replace("today-1d", opens).replace("today+10d 23:59:59", closes + " 23:59:59")
                .replace("today+3d 23:59:59", "today+20d 23:59:59").replace("today+4d", "today+21d"));
        Contest base = RulesFixture.contest(c);
        List<Unit> units = List.of(new Unit(id * 10, "ba-be", "Huyện Ba Bể", null, 100), new Unit(id * 10 + 1, "xa-a1", "Xã A1", null, 10));
        return new Contest(id, c, base.rounds(), units, List.of());
    }

    static final Instant NOW = Instant.now();

    @Test
    void everyContestNotClosedIsOfferedInOpeningOrderAndWhenAllAreClosedTheLastToClose() {
        Contest open = contest(1, "cds-2026", "today-1d");
        Contest coming = contest(2, "luat-2026", "today+2d", "today+45d");
        assertEquals(List.of(open, coming), ContestOffer.offered(List.of(coming, open), NOW));
        assertTrue(ContestOffer.severalOffered(List.of(coming, open), NOW));
        Instant later = NOW.plus(Duration.ofDays(60));
        assertEquals(List.of(coming), ContestOffer.offered(List.of(open, coming), later), "the one that closed last, for its results");
        assertFalse(ContestOffer.severalOffered(List.of(open, coming), later));
        assertEquals(open, ContestOffer.primary(List.of(coming, open), NOW));
    }

    @Test
    void aStartLinkNamesAContestAndOneOfItsUnitsTheLongestCodeFirst() {
        Contest cds = contest(1, "cds", "today-1d");
        Contest cds2026 = contest(2, "cds-2026", "today-1d");
        List<Contest> both = List.of(cds, cds2026);
        assertEquals(new StartLink(Optional.of(cds2026), Optional.of("ba-be")), StartLink.parse("cds-2026-ba-be", both));
        assertEquals(new StartLink(Optional.of(cds2026), Optional.empty()), StartLink.parse("CDS-2026", both));
        assertEquals(new StartLink(Optional.of(cds), Optional.of("xa-a1")), StartLink.parse("cds-xa-a1", both));
        assertEquals(new StartLink(Optional.empty(), Optional.of("ba-be")), StartLink.parse("ba-be", both), "a unit alone, as old posters say");
        assertEquals(new StartLink(Optional.empty(), Optional.of("cds-khong-co")), StartLink.parse("cds-khong-co", both),
                "a contest's code followed by no unit of it names no contest");
        assertEquals(Optional.of("ba-be"), StartLink.unitIn("cds-2026-ba-be", cds2026).map(Unit::code));
        assertEquals(Optional.of("ba-be"), StartLink.unitIn("ba-be", cds2026).map(Unit::code));
        assertEquals("cds-2026-ba-be", StartLink.of("cds-2026", "ba-be", 64));
        assertEquals("ba-be", StartLink.of("cds-2026", "ba-be", 10), "past the platform's limit, the unit alone");
        assertEquals(new StartLink(Optional.empty(), Optional.empty()), StartLink.parse(" ", both));
    }
}
