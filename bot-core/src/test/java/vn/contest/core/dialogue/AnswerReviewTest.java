package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.message.Outbound;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;

/** "Xem đáp án": one's counted paper question by question, once the key may be shown, in pages a platform takes. */
class AnswerReviewTest {
    static void paper(ChatDriver c, String answer) {
        c.send("thi");
        for (int i = 0; i < 4; i++) {
            c.send(answer);
        }
        c.send("1000");
        assertTrue(c.text().contains("Bạn đã hoàn thành lượt thi"), c.text());
    }

    static long attemptOf(TestEngine engine, String phone) {
        return engine.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT a.id FROM attempts a JOIN participants p ON p.id = a.participant_id WHERE p.phone = :p""")
                .bind("p", phone).mapTo(Long.class).one());
    }

    @Test
    void theCountedPaperIsShownQuestionByQuestionInPagesOnceItsRoundHasClosed() {
        try (TestEngine engine = TestEngine.start()) {
            // Long explanations, as a real bank's cite their documents: the paper needs more than one page.
            engine.db.jdbi().useHandle(h -> h.execute("UPDATE questions SET explanation = repeat('Theo Điều 1 của văn bản thử nghiệm. ', 20)"));
            ChatDriver c = engine.chat("review-1");
            c.register("Phạm Thị Xem", "02/03/1980", "0913700001", 2, "3");
            c.send("xem đáp án");
            assertTrue(c.text().contains("Bạn chưa có lượt thi nào được tính"), c.text());
            paper(c, "b");
            c.send("xem đáp án");
            assertTrue(c.text().contains("Đáp án sẽ được công bố sau khi Tuần 1 kết thúc"), "not while the round runs: " + c.text());
            assertTrue(!c.text().contains("Giải thích"), c.text());

            engine.clock.set(engine.contest.rounds().get(0).closesAt().plus(Duration.ofHours(1)));
            assertTrue(c.send("kết quả").stream().flatMap(o -> o.choices().stream()).anyMatch(ch -> ch.token().equals(Tokens.REVIEW)),
                    "the results offer the review once the key is out: " + c.text());
            List<PaperQuestion> questions = engine.db.jdbi().withHandle(h -> AttemptStore.questions(h, attemptOf(engine, "0913700001")));
            StringBuilder seen = new StringBuilder();
            List<Outbound> page = c.send("xem đáp án");
            int pages = 0;
            while (true) {
                pages++;
                Outbound review = page.get(0);
                assertTrue(review.text().length() <= AnswerReview.PAGE_CHARS, "a page fits a Zalo message: " + review.text().length());
                assertTrue(review.text().startsWith("Đáp án lượt thi thứ 1 (Tuần 1), câu "), review.text());
                seen.append(review.text());
                var more = review.choices().stream().filter(ch -> ch.label().startsWith("Xem tiếp")).findFirst();
                if (more.isEmpty()) {
                    break;
                }
                assertEquals(1, page.size(), "a page with more to come is not followed by the menu");
                page = c.tap(more.get().token());
            }
            assertTrue(pages >= 2, "four long questions take more than one page");
            for (PaperQuestion q : questions) {
                String correct = (char) ('A' + q.correctIndex()) + ". " + q.options().get(q.correctIndex());
                assertTrue(seen.toString().contains("Câu " + (q.position() + 1) + ". " + q.text()), q.text());
                assertTrue(seen.toString().contains(q.isCorrect() ? "Bạn chọn " + correct + " ✓"
                        : "Bạn chọn B. " + q.options().get(1) + " ✗. Đáp án đúng: " + correct), seen.toString());
            }
            assertTrue(seen.toString().contains("Giải thích: Theo Điều 1 của văn bản thử nghiệm."), "with the explanation");
            assertTrue(page.size() == 2 && page.get(1).text().contains("Bạn muốn làm gì tiếp theo"), "the last page, then the menu");
        }
    }

    @Test
    void aTokenNamingSomeoneElsesPaperShowsOnlyOnesOwn() {
        try (TestEngine engine = TestEngine.start()) {
            ChatDriver mine = engine.chat("review-2");
            mine.register("Ngô Văn Mình", "02/03/1980", "0913700002", 2, "3");
            paper(mine, "a");
            ChatDriver other = engine.chat("review-3");
            other.register("Ngô Văn Khác", "02/03/1980", "0913700003", 2, "3");
            paper(other, "b");
            engine.clock.set(engine.contest.rounds().get(0).closesAt().plus(Duration.ofHours(1)));
            List<PaperQuestion> own = engine.db.jdbi().withHandle(h -> AttemptStore.questions(h, attemptOf(engine, "0913700002")));
            mine.tap(Tokens.reviewPage(attemptOf(engine, "0913700003"), 0));
            for (PaperQuestion q : own) {
                assertTrue(mine.text().contains(q.text()), "own paper shown: " + mine.text());
            }
        }
    }
}
