package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.attempt.DrawnQuestion;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.attempt.ShownKeys;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Round;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.ranking.RankingQuery;
import vn.contest.core.ranking.UnitStanding;
import vn.contest.core.ranking.UnitStandings;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;

/**
 * Fake participants (phones only typed) do not move the tie-break's actual number or a unit's place, and
 * with keys shown round by round a later round never draws a question whose key is out.
 */
class FakesAndKeysTest {
    static TestEngine engine;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    /** A person on Telegram who shares their own contact: a verified phone. */
    static ChatDriver verified(String id, String phone, String unitNumber) {
        ChatDriver c = engine.chat(id);
        c.send("xin chào");
        c.tap(c.token("Đồng ý"));
        c.send("Người Thật Việc");
        c.send("01/01/1990");
        c.deliver(Inbound.contact(c.chat(), java.util.UUID.randomUUID().toString(), phone, true));
        c.send("2");
        c.send(unitNumber);
        c.tap(c.token("Xác nhận"));
        assertTrue(c.text().contains("Đăng ký thành công"), c.text());
        return c;
    }

    static void paper(ChatDriver c) {
        c.answerAPaper();
        c.send("100");
        assertTrue(c.text().contains("Bạn đã hoàn thành"), c.text());
    }

    @Test
    void fakesMoveNeitherTheActualNumberNorTheCollectiveStandings() {
        Round round = engine.contest.rounds().get(0);
        ContestConfig config = engine.contest.config();
        paper(verified("real-1", "0913500001", "1"));
        long actual = engine.db.jdbi().withHandle(h -> RankingQuery.actualParticipants(h, config, round.id()));
        List<UnitStanding> standings = engine.db.jdbi().withHandle(h -> UnitStandings.rank(h, config, engine.contest.id(),
                ContestConfig.UnitMeasure.PARTICIPATION_RATE));
        for (int i = 0; i < 5; i++) {
            ChatDriver fake = engine.chat("fake-" + i);
            fake.register("Người Ảo Số", "01/01/1990", "091350010" + i, 2, "3");
            paper(fake);
        }
        assertEquals(actual, engine.db.jdbi().withHandle(h -> RankingQuery.actualParticipants(h, config, round.id())).longValue(),
                "five typed-only phones leave the tie-break's number as it was");
        assertEquals(standings, engine.db.jdbi().withHandle(h -> UnitStandings.rank(h, config, engine.contest.id(),
                ContestConfig.UnitMeasure.PARTICIPATION_RATE)), "and the units' places");
        long ranked = engine.db.jdbi().withHandle(h -> vn.contest.core.ranking.Rankings.ranking(h, config, round.id(), 2, actual)).stream()
                .filter(e -> e.phoneVerifiedVia() == null).count();
        assertEquals(5, ranked, "they still see themselves ranked, marked as unverified");
    }

    @Test
    void aLaterRoundNeverDrawsAQuestionWhoseKeyIsOut() {
        Round first = engine.contest.rounds().get(0);
        Round second = engine.contest.rounds().get(1);
        Set<Long> shown = new HashSet<>(engine.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT DISTINCT aq.question_id FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
                WHERE a.round_id = :r""").bind("r", first.id()).mapTo(Long.class).list()));
        if (shown.isEmpty()) {
            paper(verified("keys-1", "0913500200", "1"));
            shown.addAll(engine.db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT DISTINCT aq.question_id FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
                    WHERE a.round_id = :r""").bind("r", first.id()).mapTo(Long.class).list()));
        }
        long active = engine.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM questions WHERE active").mapTo(Long.class).one());
        long left = engine.db.jdbi().withHandle(h -> ShownKeys.undrawnLeft(h, engine.contest, first.opensAt())).get(second);
        assertEquals(active - shown.size(), left, "the committee sees what the later round has left");
        PaperDrawer drawer = new PaperDrawer();
        for (int i = 0; i < 20; i++) {
            List<DrawnQuestion> paper = engine.db.jdbi().inTransaction(h -> drawer.draw(h, engine.contest, second, second.opensAt()));
            for (DrawnQuestion q : paper) {
                assertTrue(!shown.contains(q.questionId()), "question " + q.questionId() + " had its key shown in " + first.name());
            }
        }
    }

    @Test
    void aQuestionMeantForOneRoundIsDrawnOnlyThere() {
        Round first = engine.contest.rounds().get(0);
        Round second = engine.contest.rounds().get(1);
        var importer = new vn.contest.core.bank.QuestionImporter(engine.db.jdbi());
        var bad = importer.importFile(engine.contest, ("Chủ đề,Câu hỏi,A,B,Đáp án,Vòng\n"
                + "chung,Câu chỉ cho tuần hai?,Có,Không,A,Tuần 9\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "vong.csv", null);
        assertTrue(bad.problems().stream().anyMatch(p -> p.row() == 2 && "Vòng".equals(p.column())), bad.problems().toString());
        var ok = importer.importFile(engine.contest, ("Chủ đề,Câu hỏi,A,B,Đáp án,Vòng\n"
                + "chung,Câu chỉ cho tuần hai?,Có,Không,A,Tuần 2\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "vong.csv", null);
        assertTrue(ok.ok(), ok.problems().toString());
        long onlySecond = engine.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM questions WHERE round_code = 'tuan-2'").mapTo(Long.class).one());
        PaperDrawer drawer = new PaperDrawer();
        for (int i = 0; i < 30; i++) {
            assertTrue(engine.db.jdbi().inTransaction(h -> drawer.draw(h, engine.contest, first, first.opensAt())).stream()
                    .noneMatch(q -> q.questionId() == onlySecond), "never in the first round");
        }
    }
}
