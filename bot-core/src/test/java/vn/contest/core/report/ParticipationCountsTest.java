package vn.contest.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import vn.contest.core.participant.ParticipantQueries;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/**
 * The dashboard's figures, counted as people register and papers finish, against a count of the people and
 * papers themselves: across midnight in the contest's time zone, with people disqualified or merged after taking
 * part, and the same table again from a rebuild.
 */
class ParticipationCountsTest {
    static final LocalDate TODAY = TestContest.today();

    static void at(TestEngine engine, LocalDateTime local) {
        engine.clock.set(local.atZone(TestContest.ZONE).toInstant());
    }

    static long person(TestEngine engine, String chat) {
        return engine.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT participant_id FROM chat_accounts WHERE external_id = :e""").bind("e", chat).mapTo(Long.class).one());
    }

    /** A paper answered and predicted, the clock moving to {@code end} before the prediction. */
    static void paper(TestEngine engine, ChatDriver c, LocalDateTime start, LocalDateTime end) {
        at(engine, start);
        c.answerAPaper();
        at(engine, end);
        c.send("40");
        assertTrue(c.text().contains("Bạn đã hoàn thành lượt thi"), c.text());
    }

    @Test
    void theDashboardSumsCountsThatAgreeWithThePeopleAndPapers() {
        try (TestEngine engine = TestEngine.start()) {
            LocalDateTime morning = TODAY.atTime(9, 0);
            at(engine, morning);
            ChatDriver twice = engine.chat("count-1");
            twice.register("Người Thi Hai Lần", "02/03/1980", "0913900001", 1, "1");
            paper(engine, twice, morning.plusMinutes(5), morning.plusMinutes(8));
            paper(engine, twice, morning.plusMinutes(30), morning.plusMinutes(33));
            ChatDriver acrossMidnight = engine.chat("count-2");
            acrossMidnight.register("Người Thi Qua Nửa Đêm", "02/03/1981", "0913900002", 2, "3");
            paper(engine, acrossMidnight, TODAY.atTime(23, 57), TODAY.plusDays(1).atTime(0, 2));
            at(engine, morning.plusMinutes(50));
            ChatDriver disqualified = engine.chat("count-3");
            disqualified.register("Người Bị Loại", "02/03/1982", "0913900003", 2, "3");
            paper(engine, disqualified, morning.plusHours(1), morning.plusHours(1).plusMinutes(2));
            ChatDriver merged = engine.chat("count-4");
            merged.register("Người Bị Gộp", "02/03/1983", "0913900004", 1, "2");
            paper(engine, merged, morning.plusHours(2), morning.plusHours(2).plusMinutes(2));
            at(engine, TODAY.plusDays(1).atTime(8, 0));
            engine.chat("count-5").register("Người Chưa Thi", "02/03/1984", "0913900005", 1, "2");
            long dq = person(engine, "count-3");
            long gone = person(engine, "count-4");
            long into = person(engine, "count-1");
            engine.db.jdbi().useHandle(h -> {
                ParticipantQueries.setDisqualified(h, dq, "gian lận");
                h.execute("UPDATE participants SET dispute_resolution = 'merged', merged_into = ? WHERE id = ?", into, gone);
            });

            long contest = engine.contest.id();
            String tz = engine.contest.config().timezone();
            engine.db.jdbi().useHandle(h -> {
                assertEquals(new ParticipationReport.Totals(5, 2, 5), ParticipationReport.totals(h, contest));
                assertEquals(reference(h, contest, tz), figures(h, contest));
                assertEquals(List.of(new ParticipationReport.Day(TODAY, 4, 4), new ParticipationReport.Day(TODAY.plusDays(1), 1, 1)),
                        ParticipationReport.days(h, contest), "the paper finished after midnight counts on the next day");
            });
            List<String> counted = rows(engine);
            engine.db.jdbi().useTransaction(h -> ParticipationCounts.rebuild(h, contest, tz));
            assertEquals(counted, rows(engine), "counting as it happens and counting afresh agree");
        }
    }

    static List<String> rows(TestEngine engine) {
        return engine.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT concat_ws(' ', day, group_no, unit_id, registered, took_part, papers) FROM participation_counts ORDER BY 1""")
                .mapTo(String.class).list());
    }

    static String figures(Handle h, long contest) {
        return ParticipationReport.totals(h, contest) + "\n" + ParticipationReport.days(h, contest) + "\n"
                + ParticipationReport.groups(h, contest) + "\n" + ParticipationReport.units(h, contest);
    }

    /** The same figures counted from the people and papers directly, as the dashboard once did. */
    static String reference(Handle h, long contest, String tz) {
        String tookPart = "p.disqualified_at IS NULL AND p.merged_into IS NULL "
                + "AND EXISTS (SELECT 1 FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished')";
        ParticipationReport.Totals totals = h.createQuery("""
                SELECT (SELECT count(*) FROM participants WHERE contest_id = :c),
                       (SELECT count(*) FROM participants p WHERE contest_id = :c AND <tookPart>),
                       (SELECT count(*) FROM attempts WHERE contest_id = :c AND status = 'finished')""")
                .define("tookPart", tookPart).bind("c", contest)
                .map((rs, ctx) -> new ParticipationReport.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).one();
        List<ParticipationReport.Day> days = h.createQuery("""
                WITH papers AS (SELECT (finished_at AT TIME ZONE :tz)::date AS d, count(*) AS n FROM attempts
                                WHERE contest_id = :c AND status = 'finished' GROUP BY 1),
                     registered AS (SELECT (registered_at AT TIME ZONE :tz)::date AS d, count(*) AS n FROM participants
                                    WHERE contest_id = :c GROUP BY 1)
                SELECT coalesce(p.d, r.d), coalesce(p.n, 0), coalesce(r.n, 0) FROM papers p FULL JOIN registered r ON r.d = p.d
                ORDER BY 1""").bind("c", contest).bind("tz", tz)
                .map((rs, ctx) -> new ParticipationReport.Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3))).list();
        List<ParticipationReport.ByGroup> groups = h.createQuery("""
                SELECT p.group_no, count(*), count(*) FILTER (WHERE <tookPart>) FROM participants p WHERE p.contest_id = :c
                GROUP BY p.group_no ORDER BY p.group_no""").define("tookPart", tookPart).bind("c", contest)
                .map((rs, ctx) -> new ParticipationReport.ByGroup(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
        List<ParticipationReport.ByUnit> units = h.createQuery("""
                WITH RECURSIVE tree AS (
                    SELECT id, id AS root FROM units WHERE contest_id = :c AND parent_id IS NULL
                    UNION ALL SELECT u.id, t.root FROM units u JOIN tree t ON u.parent_id = t.id)
                SELECT u.name, u.headcount, count(p.id), count(p.id) FILTER (WHERE <tookPart>)
                FROM units u JOIN tree t ON t.root = u.id LEFT JOIN participants p ON p.unit_id = t.id
                WHERE u.parent_id IS NULL AND u.contest_id = :c GROUP BY u.id
                ORDER BY CASE WHEN u.headcount = 0 THEN NULL ELSE count(p.id)::numeric / u.headcount END ASC NULLS LAST, u.sort_order""")
                .define("tookPart", tookPart).bind("c", contest)
                .map((rs, ctx) -> new ParticipationReport.ByUnit(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4))).list();
        return totals + "\n" + days + "\n" + groups + "\n" + units;
    }
}
