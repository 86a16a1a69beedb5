package vn.contest.site;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.UnitMeasure;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Unit;
import vn.contest.core.report.PublicCounts;

/**
 * The public standings of one contest at one moment: units (each top-level unit with its communes folded in, the
 * communes listed under it), days and groups, from counts only. Units are ordered by the collective prize's own
 * measure ({@link UnitMeasure}: participants, or participants per head), as {@code ranking/UnitStandings} orders
 * them; equal figures share a rank. Nothing here names a person.
 */
public record Standings(Contest contest, Instant takenAt, UnitMeasure measure, List<UnitRow> units, List<DayRow> days,
                        List<GroupRow> groups, Totals totals) {

    /**
     * A unit's figures; {@code rank} among the top-level units, or for a commune among its district's communes;
     * {@code parent} the top-level unit a commune belongs to (null for a top-level unit).
     */
    public record UnitRow(int rank, String code, String name, Unit parent, long participants, long papers, long registered,
                          int headcount, List<UnitRow> communes) {
        /** Participants per head, or null when the unit has no headcount. */
        public Double rate() {
            return headcount == 0 ? null : (double) participants / headcount;
        }
    }

    public record DayRow(LocalDate date, long participants, long papers, long registered) {}

    public record GroupRow(int code, String name, long participants, long papers, long registered) {}

    public record Totals(long participants, long papers, long registered) {}

    /** The measure the collective prize ranks units by; participants when the contest has no collective prize. */
    public static UnitMeasure measureOf(ContestConfig config) {
        return config.prizes() == null || config.prizes().collective() == null || config.prizes().collective().by() == null
                ? UnitMeasure.PARTICIPANTS : config.prizes().collective().by();
    }

    /** Folds the counts into the contest's unit tree. */
    public static Standings of(Contest contest, PublicCounts.Counts counts, Instant takenAt) {
        UnitMeasure measure = measureOf(contest.config());
        Map<Long, long[]> own = new HashMap<>(); // unit id -> participants, papers, registered
        Map<Integer, long[]> byGroup = new TreeMap<>();
        for (PublicCounts.Cell c : counts.cells()) {
            add(own.computeIfAbsent(c.unitId(), k -> new long[3]), c.participants(), c.papers(), c.registered());
            add(byGroup.computeIfAbsent(c.group(), k -> new long[3]), c.participants(), c.papers(), c.registered());
        }
        List<UnitRow> top = new ArrayList<>();
        for (Unit u : contest.topUnits()) {
            List<UnitRow> communes = new ArrayList<>();
            for (Unit child : contest.children(u.id())) {
                long[] f = folded(contest, child, own);
                communes.add(new UnitRow(0, child.code(), child.name(), u, f[0], f[1], f[2], child.headcount(), List.of()));
            }
            long[] f = folded(contest, u, own);
            top.add(new UnitRow(0, u.code(), u.name(), null, f[0], f[1], f[2], u.headcount(), ranked(communes, measure)));
        }
        List<GroupRow> groups = new ArrayList<>();
        contest.config().groups().forEach(g -> {
            long[] f = byGroup.getOrDefault(g.code(), new long[3]);
            groups.add(new GroupRow(g.code(), g.title(), f[0], f[1], f[2]));
        });
        List<DayRow> days = counts.days().stream().map(d -> new DayRow(d.date(), d.participants(), d.papers(), d.registered())).toList();
        long[] total = new long[3];
        own.values().forEach(f -> add(total, f[0], f[1], f[2]));
        return new Standings(contest, takenAt, measure, ranked(top, measure), days, List.copyOf(groups),
                new Totals(total[0], total[1], total[2]));
    }

    /** Every unit of the list, communes after their district, for the JSON feed. */
    public List<UnitRow> allUnits() {
        List<UnitRow> all = new ArrayList<>();
        units.forEach(u -> {
            all.add(u);
            all.addAll(u.communes());
        });
        return all;
    }

    private static void add(long[] into, long participants, long papers, long registered) {
        into[0] += participants;
        into[1] += papers;
        into[2] += registered;
    }

    /** A unit's own counts and those of every unit below it. */
    private static long[] folded(Contest contest, Unit unit, Map<Long, long[]> own) {
        long[] f = own.getOrDefault(unit.id(), new long[3]).clone();
        for (Unit child : contest.children(unit.id())) {
            long[] c = folded(contest, child, own);
            add(f, c[0], c[1], c[2]);
        }
        return f;
    }

    /**
     * Orders as the collective prize does (rate, then participants; or participants), the contest's own order
     * breaking ties, and gives equal figures the same rank (1, 1, 3).
     */
    static List<UnitRow> ranked(List<UnitRow> rows, UnitMeasure measure) {
        Comparator<UnitRow> byParticipants = Comparator.comparingLong(UnitRow::participants).reversed();
        Comparator<UnitRow> order = measure == UnitMeasure.PARTICIPATION_RATE
                ? Comparator.comparing(UnitRow::rate, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byParticipants)
                : byParticipants;
        List<UnitRow> sorted = rows.stream().sorted(order).toList(); // stable: the contest's order breaks ties
        List<UnitRow> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            UnitRow r = sorted.get(i);
            int rank = i > 0 && order.compare(sorted.get(i - 1), r) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new UnitRow(rank, r.code(), r.name(), r.parent(), r.participants(), r.papers(), r.registered(), r.headcount(),
                    r.communes()));
        }
        return List.copyOf(out);
    }
}
