package vn.contest.core.report;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.contest.core.rules.Eligibility;

/**
 * Participation at a glance, for the dashboard: totals, registrations and papers per day, per group, per
 * top-level unit (its communes rolled up). Each figure sums {@link ParticipationCounts}, a few rows per day and
 * unit, whatever the number of people. "Took part" means a finished paper, by someone who counts as a
 * participant ({@link Eligibility#TOOK_PART}): the counts hold everyone, less the few set aside, read apart.
 */
public final class ParticipationReport {
    public record Totals(long registered, long tookPart, long papers) {}

    public record Day(LocalDate date, long papers, long registered) {}

    public record ByGroup(int group, long registered, long tookPart) {}

    /** Top-level units, lowest participation rate first, so lagging units can be pushed. */
    public record ByUnit(String name, int headcount, long registered, long tookPart) {}

    /** Practice, shown apart: it counts in none of the contest's figures. */
    public record Practice(long people, long sets, long finishedSets, long answers) {}

    private ParticipationReport() {}

    public static Practice practice(Handle h, long contestId) {
        return h.createQuery("""
                SELECT count(DISTINCT participant_id) AS people, count(*) AS sets,
                       count(*) FILTER (WHERE position = cardinality(question_ids)) AS finished, coalesce(sum(position), 0) AS answers
                FROM practice_sets WHERE contest_id = :c""").bind("c", contestId)
                .map((rs, ctx) -> new Practice(rs.getLong("people"), rs.getLong("sets"), rs.getLong("finished"), rs.getLong("answers"))).one();
    }

    public static Totals totals(Handle h, long contestId) {
        return h.createQuery("""
                SELECT coalesce(sum(registered), 0) AS registered,
                       coalesce(sum(took_part), 0) - (SELECT count(*) FROM participants p
                                                      WHERE p.contest_id = :c AND p.first_finished_at IS NOT NULL AND <setAside>) AS took_part,
                       coalesce(sum(papers), 0) AS papers
                FROM participation_counts WHERE contest_id = :c""")
                .define("setAside", Eligibility.SET_ASIDE).bind("c", contestId)
                .map((rs, ctx) -> new Totals(rs.getLong("registered"), rs.getLong("took_part"), rs.getLong("papers"))).one();
    }

    /** Days in the contest's time zone, as counted. */
    public static List<Day> days(Handle h, long contestId) {
        return h.createQuery("""
                SELECT day, sum(papers) AS papers, sum(registered) AS registered FROM participation_counts
                WHERE contest_id = :c GROUP BY day ORDER BY day""")
                .bind("c", contestId)
                .map((rs, ctx) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("papers"), rs.getLong("registered"))).list();
    }

    public static List<ByGroup> groups(Handle h, long contestId) {
        return h.createQuery("""
                WITH set_aside AS MATERIALIZED (
                    SELECT p.group_no, count(*) AS n FROM participants p
                    WHERE p.contest_id = :c AND p.first_finished_at IS NOT NULL AND <setAside> GROUP BY p.group_no)
                SELECT pc.group_no, sum(pc.registered) AS registered, sum(pc.took_part) - coalesce(min(s.n), 0) AS took_part
                FROM participation_counts pc LEFT JOIN set_aside s ON s.group_no = pc.group_no
                WHERE pc.contest_id = :c GROUP BY pc.group_no ORDER BY pc.group_no""")
                .define("setAside", Eligibility.SET_ASIDE).bind("c", contestId)
                .map((rs, ctx) -> new ByGroup(rs.getInt("group_no"), rs.getLong("registered"), rs.getLong("took_part"))).list();
    }

    public static List<ByUnit> units(Handle h, long contestId) {
        return h.createQuery("""
                WITH RECURSIVE tree AS (
                    SELECT id, id AS root FROM units WHERE contest_id = :c AND parent_id IS NULL
                    UNION ALL SELECT u.id, t.root FROM units u JOIN tree t ON u.parent_id = t.id),
                counted AS MATERIALIZED (
                    SELECT unit_id, sum(registered) AS registered, sum(took_part) AS took_part FROM participation_counts
                    WHERE contest_id = :c GROUP BY unit_id),
                set_aside AS MATERIALIZED (
                    SELECT p.unit_id, count(*) AS n FROM participants p
                    WHERE p.contest_id = :c AND p.first_finished_at IS NOT NULL AND <setAside> GROUP BY p.unit_id),
                rolled AS (
                    SELECT t.root, coalesce(sum(c.registered), 0) AS registered, coalesce(sum(c.took_part), 0) - coalesce(sum(s.n), 0) AS took_part
                    FROM tree t LEFT JOIN counted c ON c.unit_id = t.id LEFT JOIN set_aside s ON s.unit_id = t.id GROUP BY t.root)
                SELECT u.name, u.headcount, r.registered, r.took_part
                FROM units u JOIN rolled r ON r.root = u.id
                ORDER BY CASE WHEN u.headcount = 0 THEN NULL ELSE r.registered::numeric / u.headcount END ASC NULLS LAST, u.sort_order""")
                .define("setAside", Eligibility.SET_ASIDE).bind("c", contestId)
                .map((rs, ctx) -> new ByUnit(rs.getString("name"), rs.getInt("headcount"), rs.getLong("registered"),
                        rs.getLong("took_part"))).list();
    }
}
