package vn.contest.core.report;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.contest.core.rules.Eligibility;

/**
 * What the public standings read: the dashboard's {@link ParticipationCounts}, summed per unit and group and per
 * day, less the few people set aside (disqualified, merged; read through their partial index). Three statements
 * over a few thousand rows whatever the number of people, and nothing about any one person.
 */
public final class PublicCounts {
    /** A unit's (its own, its communes apart) people who took part, papers and registrations in one group. */
    public record Cell(long unitId, int group, long participants, long papers, long registered) {}

    /** One day in the contest's time zone: people whose first finished paper fell on it, papers finished, registrations. */
    public record Day(LocalDate date, long participants, long papers, long registered) {}

    public record Counts(List<Cell> cells, List<Day> days) {}

    private PublicCounts() {}

    public static Counts read(Handle h, long contestId, String timezone) {
        List<Cell> cells = h.createQuery("""
                WITH set_aside AS MATERIALIZED (
                    SELECT p.unit_id, p.group_no, count(*) AS n FROM participants p
                    WHERE p.contest_id = :c AND p.first_finished_at IS NOT NULL AND <setAside> GROUP BY p.unit_id, p.group_no)
                SELECT pc.unit_id, pc.group_no, sum(pc.took_part) - coalesce(min(s.n), 0) AS participants,
                       sum(pc.papers) AS papers, sum(pc.registered) AS registered
                FROM participation_counts pc LEFT JOIN set_aside s ON s.unit_id = pc.unit_id AND s.group_no = pc.group_no
                WHERE pc.contest_id = :c GROUP BY pc.unit_id, pc.group_no""")
                .define("setAside", Eligibility.SET_ASIDE).bind("c", contestId)
                .map((rs, ctx) -> new Cell(rs.getLong("unit_id"), rs.getInt("group_no"), rs.getLong("participants"),
                        rs.getLong("papers"), rs.getLong("registered"))).list();
        List<Day> days = h.createQuery("""
                WITH set_aside AS MATERIALIZED (
                    SELECT (p.first_finished_at AT TIME ZONE :tz)::date AS day, count(*) AS n FROM participants p
                    WHERE p.contest_id = :c AND p.first_finished_at IS NOT NULL AND <setAside> GROUP BY 1)
                SELECT pc.day, sum(pc.took_part) - coalesce(min(s.n), 0) AS participants, sum(pc.papers) AS papers,
                       sum(pc.registered) AS registered
                FROM participation_counts pc LEFT JOIN set_aside s ON s.day = pc.day
                WHERE pc.contest_id = :c GROUP BY pc.day ORDER BY pc.day""")
                .define("setAside", Eligibility.SET_ASIDE).bind("c", contestId).bind("tz", timezone)
                .map((rs, ctx) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("participants"), rs.getLong("papers"),
                        rs.getLong("registered"))).list();
        return new Counts(cells, days);
    }
}
