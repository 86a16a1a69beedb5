package vn.contest.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;

/**
 * The table {@code participation_counts}: registrations, people taking part (their first finished paper, also
 * stamped on {@code participants.first_finished_at}) and papers, counted per day in the contest's time zone,
 * group and unit as they happen, in the transaction that makes them. The dashboard ({@link ParticipationReport})
 * sums it. A rebuild counts the same from the people and papers, once after the table is created.
 */
public final class ParticipationCounts {
    private static final String ADD = """
            ON CONFLICT (contest_id, day, group_no, unit_id) DO UPDATE SET registered = pc.registered + EXCLUDED.registered,
                took_part = pc.took_part + EXCLUDED.took_part, papers = pc.papers + EXCLUDED.papers""";

    private ParticipationCounts() {}

    /** A person registered (same transaction as the insert). */
    public static void registered(Handle h, long participantId, String timezone) {
        h.createUpdate("""
                INSERT INTO participation_counts AS pc (contest_id, day, group_no, unit_id, registered)
                SELECT contest_id, (registered_at AT TIME ZONE :tz)::date, group_no, unit_id, 1 FROM participants WHERE id = :p
                """ + ADD).bind("p", participantId).bind("tz", timezone).execute();
    }

    /** A paper of this person finished at {@code finishedAt}; the first one makes them take part. */
    public static void paperFinished(Handle h, long participantId, Instant finishedAt, String timezone) {
        h.createUpdate("""
                WITH first AS (
                    UPDATE participants SET first_finished_at = :at WHERE id = :p AND first_finished_at IS NULL RETURNING id)
                INSERT INTO participation_counts AS pc (contest_id, day, group_no, unit_id, took_part, papers)
                SELECT contest_id, (CAST(:at AS timestamptz) AT TIME ZONE :tz)::date, group_no, unit_id, (SELECT count(*) FROM first), 1
                FROM participants WHERE id = :p
                """ + ADD).bind("p", participantId).bind("at", finishedAt.atOffset(ZoneOffset.UTC)).bind("tz", timezone).execute();
    }

    /** Counts the contest's people and papers when that was never done (the table is new); true if it did. */
    public static boolean ensureBuilt(Handle h, long contestId, String timezone) {
        boolean built = h.createQuery("SELECT counts_built FROM contests WHERE id = :c FOR UPDATE").bind("c", contestId)
                .mapTo(Boolean.class).one();
        if (!built) {
            rebuild(h, contestId, timezone);
        }
        return !built;
    }

    /** Counts everything afresh from the people and papers (also after a generator wrote them straight in SQL). */
    public static void rebuild(Handle h, long contestId, String timezone) {
        // Registrations and papers meanwhile wait for the rebuild, then add themselves to it.
        h.execute("LOCK TABLE participation_counts IN SHARE ROW EXCLUSIVE MODE");
        h.execute("DELETE FROM participation_counts WHERE contest_id = ?", contestId);
        h.createUpdate("""
                UPDATE participants p SET first_finished_at = f.at
                FROM (SELECT participant_id, min(finished_at) AS at FROM attempts WHERE contest_id = :c AND status = 'finished'
                      GROUP BY participant_id) f
                WHERE p.id = f.participant_id AND p.first_finished_at IS DISTINCT FROM f.at""").bind("c", contestId).execute();
        h.createUpdate("""
                INSERT INTO participation_counts (contest_id, day, group_no, unit_id, registered, took_part, papers)
                SELECT :c, day, group_no, unit_id, sum(registered), sum(took_part), sum(papers) FROM (
                    SELECT (registered_at AT TIME ZONE :tz)::date AS day, group_no, unit_id, 1 AS registered, 0 AS took_part, 0 AS papers
                    FROM participants WHERE contest_id = :c
                    UNION ALL
                    SELECT (first_finished_at AT TIME ZONE :tz)::date, group_no, unit_id, 0, 1, 0
                    FROM participants WHERE contest_id = :c AND first_finished_at IS NOT NULL
                    UNION ALL
                    SELECT (a.finished_at AT TIME ZONE :tz)::date, p.group_no, p.unit_id, 0, 0, 1
                    FROM attempts a JOIN participants p ON p.id = a.participant_id WHERE a.contest_id = :c AND a.status = 'finished'
                ) x GROUP BY day, group_no, unit_id""").bind("c", contestId).bind("tz", timezone).execute();
        h.execute("UPDATE contests SET counts_built = true WHERE id = ?", contestId);
    }
}
