package vn.contest.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Unit;
import vn.contest.core.report.PublicCounts;
import vn.contest.core.report.PublicCounts.Cell;
import vn.contest.core.testing.TestContest;

/** How the counts become standings: communes folded into their district, the prize's measure, shared ranks. No database. */
class StandingsTest {
    static final List<Unit> UNITS = List.of(
            new Unit(1, "so-tttt", "Sở Thông tin và Truyền thông", null, 50),
            new Unit(2, "huyen-a", "Huyện A", null, 1000),
            new Unit(3, "xa-a1", "Xã An Bình", 2L, 400),
            new Unit(4, "xa-a2", "Xã An Lạc", 2L, 0),
            new Unit(5, "khac", "Đơn vị khác", null, 0));

    static Contest contest(ContestConfig config) {
        return new Contest(7, config, List.of(), UNITS, List.of());
    }

    static PublicCounts.Counts counts(Cell... cells) {
        return new PublicCounts.Counts(List.of(cells), List.of(new PublicCounts.Day(LocalDate.of(2026, 12, 7), 42, 50, 60)));
    }

    static final PublicCounts.Counts COUNTS = counts(new Cell(1, 1, 5, 6, 8), new Cell(3, 2, 20, 25, 30), new Cell(3, 1, 10, 10, 10),
            new Cell(5, 2, 7, 9, 12));

    @Test
    void byRateADistrictHoldsItsCommunesAndAUnitWithoutHeadcountComesLast() {
        Standings s = Standings.of(contest(TestContest.config()), COUNTS, Instant.EPOCH);
        assertEquals(ContestConfig.UnitMeasure.PARTICIPATION_RATE, s.measure());
        assertEquals(List.of("so-tttt", "huyen-a", "khac"), s.units().stream().map(Standings.UnitRow::code).toList(),
                "10% before 3%, no headcount last");
        assertEquals(List.of(1, 2, 3), s.units().stream().map(Standings.UnitRow::rank).toList());
        Standings.UnitRow district = s.units().get(1);
        assertEquals(30, district.participants());
        assertEquals(35, district.papers());
        assertEquals(0.03, district.rate(), 1e-9);
        assertEquals(List.of("xa-a1", "xa-a2"), district.communes().stream().map(Standings.UnitRow::code).toList());
        assertEquals("huyen-a", district.communes().get(0).parent().code());
        assertEquals(List.of(1, 2), district.communes().stream().map(Standings.UnitRow::rank).toList());
        assertNull(s.units().get(2).rate());
        assertEquals(List.of("so-tttt", "huyen-a", "xa-a1", "xa-a2", "khac"), s.allUnits().stream().map(Standings.UnitRow::code).toList());
        assertEquals(new Standings.Totals(42, 50, 60), s.totals());
        assertEquals(List.of(15L, 27L), s.groups().stream().map(Standings.GroupRow::participants).toList());
    }

    @Test
    void byParticipantsWhenThePrizeSaysSo() {
        ContestConfig config = TestContest.config(TestContest.yaml().replace("by: participation_rate", "by: participants"));
        Standings s = Standings.of(contest(config), COUNTS, Instant.EPOCH);
        assertEquals(List.of("huyen-a", "khac", "so-tttt"), s.units().stream().map(Standings.UnitRow::code).toList());
    }

    @Test
    void equalFiguresShareARankAndTheContestsOrderBreaksTheTie() {
        ContestConfig config = TestContest.config(TestContest.yaml().replace("by: participation_rate", "by: participants"));
        Standings s = Standings.of(contest(config), counts(new Cell(1, 1, 4, 4, 4), new Cell(5, 1, 4, 4, 4), new Cell(3, 1, 9, 9, 9)),
                Instant.EPOCH);
        assertEquals(List.of("huyen-a", "so-tttt", "khac"), s.units().stream().map(Standings.UnitRow::code).toList());
        assertEquals(List.of(1, 2, 2), s.units().stream().map(Standings.UnitRow::rank).toList());
    }
}
