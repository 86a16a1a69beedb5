package vn.contest.core.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A paper's lifecycle for both behaviours, decided without a database. */
class PaperTest {
    static final Instant START = Instant.parse("2026-03-01T02:00:00Z");
    static final Instant DEADLINE = START.plus(Duration.ofMinutes(15));
    static final Instant DURING = START.plusSeconds(60);

    /** A three-question contest paper with id 7 on {@code position}, 'B' right, in {@code status}. */
    static Paper contest(int position, Attempt.Status status) {
        Attempt a = new Attempt(7, 1, 1, 1, 1, status, 3, position, position, null, START, DEADLINE, null, null);
        return Paper.contest(a, status == Attempt.Status.ANSWERING ? question(position) : null);
    }

    static Paper practice(int position) {
        return Paper.practice(9, 2, position, 0, question(position));
    }

    static PaperQuestion question(int position) {
        return new PaperQuestion(position, 100 + position, "Câu " + position, List.of("một", "hai", "ba"), 1, "vì thế", null);
    }

    @Test
    void aTappedTokenOfThePaperAndItsQuestionIsRecordedAndMovesOn() {
        Paper paper = contest(0, Attempt.Status.ANSWERING);
        Paper.Recorded r = assertInstanceOf(Paper.Recorded.class, paper.answer(paper.tokens().get(1), "", DURING));
        assertEquals(1, r.chosenIndex());
        assertTrue(r.correct());
        assertEquals(1, r.gain());
        assertEquals(1, r.nextPosition());
        assertEquals(Paper.Stage.ANSWERING, r.nextStage());
        Paper.Recorded wrong = assertInstanceOf(Paper.Recorded.class, paper.answer("", "c", DURING));
        assertEquals(2, wrong.chosenIndex(), "a typed letter answers the current question");
        assertFalse(wrong.correct());
        assertEquals(0, wrong.gain());
    }

    @Test
    void theLastAnswerOfAContestPaperMovesItToThePredictionAndOfAPracticeSetFinishesIt() {
        assertEquals(Paper.Stage.PREDICTING, ((Paper.Recorded) contest(2, Attempt.Status.ANSWERING).answer("", "a", DURING)).nextStage());
        assertEquals(Paper.Stage.FINISHED, ((Paper.Recorded) practice(1).answer("", "a", DURING)).nextStage());
    }

    @Test
    void aTokenOfAnotherPaperOrAnotherQuestionIsStaleAndChangesNothing() {
        Paper paper = contest(1, Attempt.Status.ANSWERING);
        assertInstanceOf(Paper.Stale.class, paper.answer(Behaviour.CONTEST.token(8, 1, 0), "", DURING), "another paper");
        assertInstanceOf(Paper.Stale.class, paper.answer(Behaviour.CONTEST.token(7, 0, 0), "", DURING), "answered already");
        assertInstanceOf(Paper.Stale.class, paper.answer(Behaviour.CONTEST.token(7, 2, 0), "", DURING), "not reached yet");
        assertInstanceOf(Paper.Stale.class, contest(3, Attempt.Status.PREDICTING).answer(Behaviour.CONTEST.token(7, 2, 0), "", DURING),
                "a question tap once the prediction is due");
    }

    @Test
    void whatNamesNoOptionOfTheQuestionGetsTheHintWithTheLastLetter() {
        Paper paper = contest(0, Attempt.Status.ANSWERING);
        assertEquals('C', assertInstanceOf(Paper.NotAnOption.class, paper.answer("", "xin chào", DURING)).lastLetter());
        assertInstanceOf(Paper.NotAnOption.class, paper.answer(Behaviour.CONTEST.token(7, 0, 5), "", DURING), "option F of three");
        assertInstanceOf(Paper.NotAnOption.class, paper.answer("ans:abc", "", DURING), "garbage");
        assertInstanceOf(Paper.NotAnOption.class, paper.answer(Behaviour.PRACTICE.token(7, 0, 1), "b", DURING),
                "a practice token is no contest answer, and a tapped button is not read as typed text");
    }

    @Test
    void eachBehaviourReadsOnlyItsOwnTokens() {
        Paper set = practice(0);
        assertInstanceOf(Paper.Recorded.class, set.answer(set.tokens().get(0), "", DURING));
        assertInstanceOf(Paper.NotAnOption.class, set.answer(Behaviour.CONTEST.token(9, 0, 0), "", DURING));
        assertTrue(set.tokens().get(0).startsWith("pra:") && contest(0, Attempt.Status.ANSWERING).tokens().get(0).startsWith("ans:"));
    }

    @Test
    void aContestPaperIsLateAtItsDeadlineAndExpiresThere() {
        Paper paper = contest(1, Attempt.Status.ANSWERING);
        assertFalse(paper.isDue(DEADLINE.minusMillis(1)));
        assertTrue(paper.expiry(DEADLINE.minusMillis(1)).isEmpty());
        assertInstanceOf(Paper.Late.class, paper.answer(paper.tokens().get(1), "", DEADLINE));
        Paper.Finish expired = paper.expiry(DEADLINE.plusSeconds(90)).orElseThrow();
        assertEquals(DEADLINE, expired.at(), "the time stops at the deadline, not when the expiry is noticed");
        assertEquals(Paper.Reason.TIMEOUT, expired.reason());
        assertNull(expired.prediction());
        assertEquals(Duration.ZERO, paper.remaining(DEADLINE.plusSeconds(5)));
        assertEquals(Duration.ofMinutes(14), paper.remaining(DURING));
    }

    @Test
    void thePredictionClosesThePaperUnlessItCameAfterTheDeadline() {
        Paper paper = contest(3, Attempt.Status.PREDICTING);
        Paper.Finish done = paper.predict(12500, DURING);
        assertEquals(new Paper.Finish(12500L, DURING, Paper.Reason.COMPLETED), done);
        Paper.Finish late = paper.predict(12500, DEADLINE.plusSeconds(1));
        assertEquals(new Paper.Finish(null, DEADLINE, Paper.Reason.TIMEOUT), late, "a prediction after the deadline is not taken");
        assertThrows(IllegalStateException.class, () -> contest(1, Attempt.Status.ANSWERING).predict(5, DURING));
    }

    @Test
    void aPracticeSetIsUntimedAndNeverLate() {
        Paper set = practice(0);
        Instant muchLater = START.plus(Duration.ofDays(30));
        assertFalse(set.isDue(muchLater));
        assertTrue(set.expiry(muchLater).isEmpty());
        assertNull(set.remaining(muchLater));
        assertInstanceOf(Paper.Recorded.class, set.answer("", "b", muchLater));
        assertTrue(Behaviour.PRACTICE.keyAtOnce() && !Behaviour.CONTEST.keyAtOnce());
        assertTrue(Behaviour.CONTEST.predicts() && !Behaviour.PRACTICE.predicts());
    }

    @Test
    void aFinishedPaperTakesNoAnswer() {
        Paper done = Paper.practice(9, 2, 2, 1, null);
        assertEquals(Paper.Stage.FINISHED, done.stage());
        assertInstanceOf(Paper.Stale.class, done.answer(Behaviour.PRACTICE.token(9, 1, 0), "", DURING));
    }
}
