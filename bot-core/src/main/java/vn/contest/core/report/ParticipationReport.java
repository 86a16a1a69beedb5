package vn.contest.core.report;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.contest.core.rules.Eligibility;

/**
 * Participation at a glance, for the dashboard: totals, registrations and papers per day, per group, per
 * top-level unit (its communes rolled up). Each figure is one aggregate query on indexed columns. "Took
 * part" means a finished paper, by someone who counts as a participant ({@link Eligibility}).
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
                SELECT (SELECT count(*) FROM participants WHERE contest_id = :c) AS registered,
                       (SELECT count(DISTINCT a.participant_id) FROM attempts a JOIN participants p ON p.id = a.participant_id
                        WHERE a.contest_id = :c AND a.status = 'finished' AND <countsAsParticipant>) AS took_part,
                       (SELECT count(*) FROM attempts WHERE contest_id = :c AND status = 'finished') AS papers""")
                .define("countsAsParticipant", Eligibility.TOOK_PART).bind("c", contestId)
                .map((rs, ctx) -> new Totals(rs.getLong("registered"), rs.getLong("took_part"), rs.getLong("papers"))).one();
    }

    /** Days in the contest's time zone ({@code timezone}, an IANA name). */
    public static List<Day> days(Handle h, long contestId, String timezone) {
        return h.createQuery("""
                WITH papers AS (
                    SELECT (finished_at AT TIME ZONE :tz)::date AS d, count(*) AS n FROM attempts
                    WHERE contest_id = :c AND status = 'finished' GROUP BY 1),
                registered AS (
                    SELECT (registered_at AT TIME ZONE :tz)::date AS d, count(*) AS n FROM participants WHERE contest_id = :c GROUP BY 1)
                SELECT coalesce(p.d, r.d) AS day, coalesce(p.n, 0) AS papers, coalesce(r.n, 0) AS registered
                FROM papers p FULL JOIN registered r ON r.d = p.d ORDER BY coalesce(p.d, r.d)""")
                .bind("c", contestId).bind("tz", timezone)
                .map((rs, ctx) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("papers"), rs.getLong("registered"))).list();
    }

    public static List<ByGroup> groups(Handle h, long contestId) {
        return h.createQuery("""
                SELECT p.group_no, count(*) AS registered,
                       count(*) FILTER (WHERE <countsAsParticipant>
                           AND EXISTS (SELECT 1 FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished')) AS took_part
                FROM participants p WHERE p.contest_id = :c GROUP BY p.group_no ORDER BY p.group_no""")
                .define("countsAsParticipant", Eligibility.TOOK_PART).bind("c", contestId)
                .map((rs, ctx) -> new ByGroup(rs.getInt("group_no"), rs.getLong("registered"), rs.getLong("took_part"))).list();
    }

    public static List<ByUnit> units(Handle h, long contestId) {
        return h.createQuery("""
                WITH RECURSIVE tree AS (
                    SELECT id, id AS root FROM units WHERE contest_id = :c AND parent_id IS NULL
                    UNION ALL SELECT u.id, t.root FROM units u JOIN tree t ON u.parent_id = t.id)
                SELECT u.name, u.headcount, count(p.id) AS registered,
                       count(p.id) FILTER (WHERE <countsAsParticipant>
                           AND EXISTS (SELECT 1 FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished')) AS took_part
                FROM units u JOIN tree t ON t.root = u.id LEFT JOIN participants p ON p.unit_id = t.id
                WHERE u.parent_id IS NULL AND u.contest_id = :c
                GROUP BY u.id
                ORDER BY CASE WHEN u.headcount = 0 THEN NULL ELSE count(p.id)::numeric / u.headcount END ASC NULLS LAST, u.sort_order""")
                .define("countsAsParticipant", Eligibility.TOOK_PART).bind("c", contestId)
                .map((rs, ctx) -> new ByUnit(rs.getString("name"), rs.getInt("headcount"), rs.getLong("registered"),
                        rs.getLong("took_part"))).list();
    }
}
