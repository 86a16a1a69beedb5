package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.contest.core.attempt.DrawnQuestion;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.contest.Round;
import vn.contest.core.ranking.RankingQuery;
import vn.contest.core.report.ParticipationReport;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/**
 * "Luyện tập": the key and explanation after each answer, at any time the bot runs, never counted, and never
 * a question a live round could still ask with its key unknown.
 */
class PracticeTest {
    static long count(TestEngine engine, String sql) {
        return engine.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static Set<Long> practised(TestEngine engine) {
        return new HashSet<>(engine.db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT unnest(question_ids) FROM practice_sets")
                .mapTo(Long.class).list()));
    }

    /** Plays a whole practice set answering "a"; returns everything the bot said. */
    static String practise(ChatDriver c) {
        StringBuilder said = new StringBuilder(String.join("\n", c.send("luyện tập").stream().map(o -> o.text()).toList()));
        for (int i = 0; i < 10 && c.text().contains("Câu luyện tập"); i++) {
            c.send("a");
            said.append('\n').append(c.text());
        }
        return said.toString();
    }

    @Test
    void eachAnswerGetsTheKeyAndTheExplanationAndNothingIsCounted() {
        try (TestEngine engine = TestEngine.start()) {
            Set<Long> practiceIds = engine.importPracticeQuestions();
            ChatDriver c = engine.chat("practice-1");
            c.register("Lê Thị Luyện", "02/03/1980", "0913600001", 2, "3");
            var before = engine.db.jdbi().withHandle(h -> ParticipationReport.totals(h, engine.contest.id()));
            long actualBefore = engine.db.jdbi().withHandle(h -> RankingQuery.actualParticipants(h, engine.contest.config(),
                    engine.contest.rounds().get(0).id()));

            c.send("luyện tập");
            assertTrue(c.text().contains("không tính vào kết quả cuộc thi"), c.text());
            assertTrue(c.text().contains("Câu luyện tập 1/3"), "only the three practice questions while round one runs: " + c.text());
            c.send("b");
            assertTrue(c.text().matches("(?s).*(✅ Chính xác|❌ Chưa đúng \\(bạn chọn B\\)).*Đáp án đúng: [ABC]\\. .*"), c.text());
            assertTrue(c.text().contains("Giải thích: Cẩm nang luyện tập mục"), "the explanation and its source: " + c.text());
            assertTrue(c.text().contains("Câu luyện tập 2/3"), c.text());
            c.send("xyz");
            assertTrue(c.text().contains("Gõ \"dừng\" để dừng luyện tập"), "nonsense gets a hint: " + c.text());
            c.send("c");
            c.send("a");
            assertTrue(c.text().contains("câu luyện tập. Kết quả luyện tập không tính vào cuộc thi"), c.text());
            assertTrue(c.text().contains("Bắt đầu thi") || c.choices().stream().anyMatch(ch -> ch.label().equals("Bắt đầu thi")),
                    "back at the menu");

            assertEquals(practiceIds, practised(engine));
            assertEquals(before, engine.db.jdbi().withHandle(h -> ParticipationReport.totals(h, engine.contest.id())),
                    "no paper, no participant counted");
            assertEquals((Long) actualBefore, engine.db.jdbi().<Long, RuntimeException>withHandle(h -> RankingQuery.actualParticipants(h, engine.contest.config(),
                    engine.contest.rounds().get(0).id())), "the tie-break's actual number does not move");
            assertEquals(0L, count(engine, "SELECT count(*) FROM attempts"));
            var practice = engine.db.jdbi().withHandle(h -> ParticipationReport.practice(h, engine.contest.id()));
            assertEquals(new ParticipationReport.Practice(1, 1, 1, 3), practice, "the dashboard shows practice apart");

            c.send("thi");
            assertTrue(c.text().contains("Lượt thi thứ 1"), "practice used none of the attempts: " + c.text());
        }
    }

    @Test
    void aPracticeSetStopsOnRequestAndAStaleButtonChangesNothing() {
        try (TestEngine engine = TestEngine.start()) {
            engine.importPracticeQuestions();
            ChatDriver c = engine.chat("practice-2");
            c.register("Hoàng Văn Dừng", "02/03/1980", "0913600002", 2, "3");
            c.send("luyện tập");
            String firstButton = c.choices().get(0).token();
            c.tap(firstButton);
            c.tap(firstButton);
            assertTrue(c.text().contains("đã được trả lời hoặc không còn hiệu lực"), c.text());
            c.send("dừng");
            assertTrue(c.text().contains("Đã dừng luyện tập (đúng"), c.text());
            assertEquals(1L, count(engine,
                    "SELECT sum(position) FROM practice_sets"), "the tapped-twice question counted once");
        }
    }

    @Test
    void thiOrTheStartButtonLeavesPracticeForAPaperAndHelpExplainsPractice() {
        try (TestEngine engine = TestEngine.start()) {
            engine.importPracticeQuestions();
            ChatDriver c = engine.chat("practice-7");
            c.register("Lục Thị Nhanh", "02/03/1980", "0913600007", 2, "3");
            c.send("luyện tập");
            c.send("trợ giúp");
            assertTrue(c.text().contains("bạn đang luyện tập") && c.text().contains("Câu luyện tập 1/3"), c.text());
            c.tap(Tokens.START_ATTEMPT);
            assertTrue(c.text().contains("Đã dừng luyện tập") && c.text().contains("Lượt thi thứ 1"), "a reminder's button works here: " + c.text());
            assertEquals(0L, count(engine,
                    "SELECT count(*) FROM practice_sets WHERE finished_at IS NULL"));
            ChatDriver other = engine.chat("practice-8");
            other.register("Lục Văn Chậm", "02/03/1980", "0913600008", 2, "3");
            other.send("luyện tập");
            other.send("thi");
            assertTrue(other.text().contains("Lượt thi thứ 1"), "typed \"thi\" too: " + other.text());
        }
    }

    @Test
    void practiceNeverGivesAwayAQuestionALiveRoundCanStillAsk() {
        try (TestEngine engine = TestEngine.start()) {
            Set<Long> practiceIds = engine.importPracticeQuestions();
            Round first = engine.contest.rounds().get(0);
            Round second = engine.contest.rounds().get(1);
            ChatDriver player = engine.chat("practice-3");
            player.register("Trần Văn Thi", "02/03/1980", "0913600003", 2, "3");
            player.answerAPaper();
            player.send("100");
            ChatDriver learner = engine.chat("practice-4");
            learner.register("Vũ Thị Học", "02/03/1980", "0913600004", 2, "3");
            for (int i = 0; i < 5; i++) {
                practise(learner);
            }
            assertEquals(practiceIds, practised(engine), "while round one runs, practice questions only");

            engine.clock.set(second.opensAt().plus(Duration.ofHours(1)));
            Set<Long> secondRoundCanDraw = new HashSet<>();
            PaperDrawer drawer = new PaperDrawer();
            for (int i = 0; i < 30; i++) {
                engine.db.jdbi().inTransaction(h -> drawer.draw(h, engine.contest, second, engine.clock.instant())).stream()
                        .map(DrawnQuestion::questionId).forEach(secondRoundCanDraw::add);
            }
            for (int i = 0; i < 15; i++) {
                practise(learner);
            }
            Set<Long> leaked = new HashSet<>(practised(engine));
            leaked.retainAll(secondRoundCanDraw);
            assertEquals(Set.of(), leaked, "no question round two can draw");
            Set<Long> shownInFirst = new HashSet<>(engine.db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT aq.question_id FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id WHERE a.round_id = :r""")
                    .bind("r", first.id()).mapTo(Long.class).list()));
            Set<Long> contestQuestionsPractised = new HashSet<>(practised(engine));
            contestQuestionsPractised.removeAll(practiceIds);
            assertTrue(!contestQuestionsPractised.isEmpty() && shownInFirst.containsAll(contestQuestionsPractised),
                    "round one's questions, whose key is out, join practice: " + contestQuestionsPractised + " of " + shownInFirst);
        }
    }

    @Test
    void practiceGoesOnBeforeTheContestOpensAndAfterItCloses() {
        String notYet = TestContest.yaml().replace("opensAt: today-1d\n", "opensAt: today+1d\n")
                .replace("{code: tuan-1, name: Tuần 1, opensAt: today-1d", "{code: tuan-1, name: Tuần 1, opensAt: today+1d");
        try (TestEngine engine = TestEngine.start(TestContest.config(notYet))) {
            engine.importPracticeQuestions();
            ChatDriver c = engine.chat("practice-5");
            c.register("Đinh Văn Sớm", "02/03/1980", "0913600005", 2, "3");
            c.send("thi");
            assertTrue(c.text().contains("Cuộc thi chưa bắt đầu"), c.text());
            assertTrue(practise(c).contains("Đáp án đúng"), "practice before opening");

            engine.clock.set(engine.contest.closesAt().plus(Duration.ofDays(1)));
            c.send("thi");
            assertTrue(c.text().contains("Cuộc thi đã kết thúc") && c.text().contains("\"luyện tập\""), c.text());
            String after = practise(c);
            assertTrue(after.contains("Câu luyện tập 1/5"), "after closing, the whole bank: " + after);
            assertTrue(after.contains("Kết quả luyện tập không tính vào cuộc thi"), after);
        }
    }

    @Test
    void onlyARegisteredPersonPractises() {
        try (TestEngine engine = TestEngine.start()) {
            engine.importPracticeQuestions();
            ChatDriver c = engine.chat("practice-6");
            c.send("xin chào");
            c.send("luyện tập");
            assertTrue(c.text().contains("Bạn cần đăng ký dự thi trước khi luyện tập"), c.text());
            assertEquals(0L, count(engine, "SELECT count(*) FROM practice_sets"));
        }
    }
}
