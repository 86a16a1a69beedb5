package vn.contest.core.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Signs that a result was gamed, for the secretariat to look into (each a lead, never a verdict): many
 * registrations from one address, a burst of registrations into one unit, papers finished implausibly fast
 * with a high score, and identical answers across people.
 */
public final class Anomalies {
    /** Registrations from one web address at or above this count are listed. */
    public static final int SAME_ADDRESS = 5;
    /** Registrations into one unit within ten minutes at or above this count are listed. */
    public static final int BURST = 5;
    /** A paper of at least 90% right answered in under this many seconds a question is listed. */
    public static final int SECONDS_PER_QUESTION = 3;

    /** One lead: what it is about, how many, and the people in it. */
    public record Lead(String about, long count, List<Long> participantIds) {}

    private static final RowMapper<Lead> LEAD = (rs, ctx) -> new Lead(rs.getString("about"), rs.getLong("n"),
            Arrays.asList((Long[]) rs.getArray("ids").getArray()));

    private Anomalies() {}

    public static List<Lead> sameAddress(Handle h, long contestId) {
        return h.createQuery("""
                SELECT registered_from AS about, count(*) AS n, array_agg(id ORDER BY id) AS ids FROM participants
                WHERE contest_id = :c AND registered_from IS NOT NULL GROUP BY registered_from HAVING count(*) >= :min
                ORDER BY n DESC LIMIT 50""").bind("c", contestId).bind("min", SAME_ADDRESS).map(LEAD).list();
    }

    /** "unit name, from HH:MM dd/mm" for each ten minutes in which a unit got many registrations. */
    public static List<Lead> bursts(Handle h, long contestId, String timezone) {
        return h.createQuery("""
                SELECT u.name || ', từ ' || to_char(to_timestamp(floor(extract(epoch FROM p.registered_at) / 600) * 600)
                       AT TIME ZONE :tz, 'HH24:MI DD/MM') AS about, count(*) AS n, array_agg(p.id ORDER BY p.id) AS ids
                FROM participants p JOIN units u ON u.id = p.unit_id
                WHERE p.contest_id = :c
                GROUP BY u.name, floor(extract(epoch FROM p.registered_at) / 600) HAVING count(*) >= :min
                ORDER BY n DESC LIMIT 50""").bind("c", contestId).bind("tz", timezone).bind("min", BURST).map(LEAD).list();
    }

    public static List<Lead> fastHighScores(Handle h, long contestId) {
        return h.createQuery("""
                SELECT 'lượt ' || a.id || ': ' || a.score || '/' || a.question_count || ' trong '
                       || round(a.duration_ms / 1000.0) || ' giây' AS about, 1 AS n, ARRAY[a.participant_id] AS ids
                FROM attempts a
                WHERE a.contest_id = :c AND a.status = 'finished' AND a.score * 10 >= a.question_count * 9
                  AND a.duration_ms < a.question_count * :perQuestion * 1000
                ORDER BY a.duration_ms LIMIT 50""").bind("c", contestId).bind("perQuestion", SECONDS_PER_QUESTION).map(LEAD).list();
    }

    /** Papers of different people with the same questions answered the same way, option by option. */
    public static List<Lead> identicalAnswers(Handle h, long contestId) {
        return h.createQuery("""
                WITH answers AS (
                    SELECT a.id, a.participant_id, a.score, a.question_count,
                           string_agg(aq.question_id || '=' || aq.options[aq.chosen_index + 1], '|' ORDER BY aq.question_id) AS seq
                    FROM attempts a JOIN attempt_questions aq ON aq.attempt_id = a.id
                    WHERE a.contest_id = :c AND a.status = 'finished' AND aq.chosen_index IS NOT NULL
                    GROUP BY a.id HAVING count(*) = a.question_count
                )
                SELECT 'cùng ' || min(question_count) || ' câu, cùng cách trả lời, ' || min(score) || ' câu đúng' AS about,
                       count(DISTINCT participant_id) AS n, array_agg(DISTINCT participant_id) AS ids
                FROM answers GROUP BY seq HAVING count(DISTINCT participant_id) >= 2
                ORDER BY n DESC LIMIT 50""").bind("c", contestId).map(LEAD).list();
    }

    /** The names of the people in some leads. */
    public static Map<Long, String> names(Handle h, List<Long> ids) {
        return h.createQuery("SELECT id, full_name FROM participants WHERE id = ANY(:ids)").bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("full_name"))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
