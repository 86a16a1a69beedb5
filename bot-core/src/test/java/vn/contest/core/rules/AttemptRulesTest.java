package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.rules.AttemptRules.Cap;
import vn.contest.core.rules.AttemptRules.Counts;

/** The test contest: at most 5 papers in the contest, 3 in a round, 2 a day; 10 minutes a paper. */
class AttemptRulesTest {
    final ContestConfig config = RulesFixture.config();
    final AttemptRules rules = new AttemptRules(config);
    final Contest contest = RulesFixture.contest(config);

    @Test
    void theFirstCapReachedStopsTheNextPaperAndAttemptsLeftIsTheTightest() {
        assertTrue(rules.capReached(new Counts(0, 0, 0)).isEmpty());
        assertEquals(OptionalInt.of(2), rules.attemptsLeft(new Counts(0, 0, 0)), "two a day is the tightest");
        assertEquals(Cap.DAY, rules.capReached(new Counts(2, 2, 2)).orElseThrow().cap());
        assertEquals(OptionalInt.of(0), rules.attemptsLeft(new Counts(2, 2, 2)));
        assertEquals(Cap.ROUND, rules.capReached(new Counts(3, 3, 3)).orElseThrow().cap(), "the round's cap is named before the day's");
        assertEquals(3, rules.capReached(new Counts(3, 3, 3)).orElseThrow().limit());
        assertEquals(Cap.CONTEST, rules.capReached(new Counts(5, 1, 0)).orElseThrow().cap());
        assertEquals(OptionalInt.of(1), rules.attemptsLeft(new Counts(4, 0, 0)));
    }

    @Test
    void withoutCapsNothingStopsAndNothingIsCounted() {
        ContestConfig uncapped = vn.contest.core.testing.TestContest.config(vn.contest.core.testing.TestContest.yaml()
                .replace("maxPerContest: 5", "maxPerContest: 0").replace("maxPerRound: 3", "maxPerRound: 0")
                .replace("maxPerDay: 2", "maxPerDay: 0"));
        AttemptRules free = new AttemptRules(uncapped);
        assertTrue(free.capReached(new Counts(99, 99, 99)).isEmpty());
        assertTrue(free.attemptsLeft(new Counts(99, 99, 99)).isEmpty());
    }

    @Test
    void aPapersDeadlineIsItsTimeLimitCutShortByItsRound() {
        Round round = contest.rounds().get(0);
        Instant early = round.opensAt().plus(Duration.ofHours(1));
        assertEquals(early.plus(Duration.ofMinutes(10)), rules.deadline(early, round));
        Instant late = round.closesAt().minus(Duration.ofMinutes(3));
        assertEquals(round.closesAt(), rules.deadline(late, round));
    }

    @Test
    void aDayIsTheContestsLocalDay() {
        // 23:30 in Hà Nội is 16:30 UTC: still the same local day, which began at 17:00 UTC the evening before.
        Instant lateEvening = ZonedDateTime.of(2026, 3, 10, 23, 30, 0, 0, config.zone()).toInstant();
        AttemptRules.Day day = rules.today(lateEvening);
        assertEquals(ZonedDateTime.of(2026, 3, 10, 0, 0, 0, 0, config.zone()).toInstant(), day.start());
        assertEquals(Duration.ofDays(1), Duration.between(day.start(), day.end()));
    }

    @Test
    void theWindowSaysWhereTheContestStands() {
        Round first = contest.rounds().get(0);
        Round second = contest.rounds().get(1);
        assertInstanceOf(Window.NotOpenYet.class, Window.at(contest, contest.opensAt().minusSeconds(1)));
        assertEquals(first, ((Window.Open) Window.at(contest, first.opensAt())).round());
        assertEquals(second, ((Window.BetweenRounds) Window.at(contest, first.closesAt())).next());
        assertEquals(second, ((Window.Open) Window.at(contest, second.opensAt())).round());
        assertInstanceOf(Window.Closed.class, Window.at(contest, contest.closesAt()));
    }

    @Test
    void theKeyIsShownWhenTheRulesSaySo() {
        Round first = contest.rounds().get(0);
        assertTrue(!AnswerKey.mayShow(contest, first, first.opensAt()), "after_round_closes: not while the round runs");
        assertTrue(AnswerKey.mayShow(contest, first, first.closesAt()));
        assertTrue(AnswerKey.hidesShownQuestions(config), "later rounds leave out the questions whose key is out");
        Contest afterAttempt = RulesFixture.contest(vn.contest.core.testing.TestContest.config(
                vn.contest.core.testing.TestContest.yaml() + "answers: {reveal: after_attempt}\n"));
        assertTrue(AnswerKey.mayShow(afterAttempt, first, first.opensAt()));
        Contest afterContest = RulesFixture.contest(vn.contest.core.testing.TestContest.config(
                vn.contest.core.testing.TestContest.yaml() + "answers: {reveal: after_contest_closes}\n"));
        assertTrue(!AnswerKey.mayShow(afterContest, first, first.closesAt()), "the first round closed, the contest did not");
        assertTrue(AnswerKey.mayShow(afterContest, first, afterContest.closesAt()));
        assertTrue(!AnswerKey.hidesShownQuestions(afterContest.config()));
    }

    @Test
    void aPapersScoreIsTheCountOfRightAnswers() {
        assertTrue(Grading.isCorrect(2, 2));
        assertTrue(!Grading.isCorrect(1, 2));
        assertEquals(1, Grading.points(true));
        assertEquals(0, Grading.points(false));
    }
}
