package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.testing.TestContest;

/** What practice may draw and when reminders are due: the rules alone, no database. */
class LearningRulesTest {
    static Contest contest(String extraYaml) {
        return RulesFixture.contest(TestContest.config(TestContest.yaml() + extraYaml));
    }

    @Test
    void practiceDrawsAContestQuestionOnlyOnceNoLiveRoundCanAskItWithItsKeyUnknown() {
        Contest byRound = contest("answers: {reveal: after_round_closes}\n");
        Round first = byRound.rounds().get(0);
        assertEquals(PracticePool.WITH_SHOWN_KEYS, PracticePool.at(byRound, first.opensAt()),
                "keys shown round by round: the closed rounds' questions, which later rounds never draw");
        assertEquals(PracticePool.WHOLE_BANK, PracticePool.at(byRound, byRound.closesAt()));

        Contest afterEach = contest("answers: {reveal: after_attempt}\n");
        assertEquals(PracticePool.PRACTICE_ONLY, PracticePool.at(afterEach, first.opensAt()),
                "a key shown to one person after their paper is still live for everyone else");
        assertEquals(PracticePool.WHOLE_BANK, PracticePool.at(afterEach, afterEach.closesAt()));

        Contest atEnd = contest("answers: {reveal: after_contest_closes}\n");
        assertEquals(PracticePool.PRACTICE_ONLY, PracticePool.at(atEnd, atEnd.rounds().get(1).opensAt()));
        assertEquals(PracticePool.WHOLE_BANK, PracticePool.at(atEnd, atEnd.closesAt().plusSeconds(1)));
    }

    @Test
    void eachReminderIsDueFromItsMomentUntilTheNextOneAndNeverInTheNight() {
        Contest c = contest("reminders: {hoursBeforeRoundCloses: [2, 24]}\n");
        Round r = c.rounds().get(0);  // closes at 23:59:59; a paper takes 10 minutes
        ZonedDateTime close = r.closesAt().atZone(c.config().zone());
        Instant eveningBefore = close.minusDays(1).withHour(20).withMinute(0).withSecond(0).toInstant();
        assertEquals(List.of(), due(c, eveningBefore.minusSeconds(1)));
        assertEquals(List.of("tuan-1:24h"), due(c, eveningBefore), "23:59 the day before is night: 20:00 instead");
        assertEquals(List.of("tuan-1:24h"), due(c, r.closesAt().minus(Duration.ofHours(3))));
        assertEquals(List.of("tuan-1:2h"), due(c, r.closesAt().minus(Duration.ofHours(2))), "a missed moment is not sent on top");
        assertEquals(List.of("tuan-1:2h"), due(c, r.closesAt().minus(Duration.ofMinutes(11))));
        assertEquals(List.of(), due(c, r.closesAt().minus(Duration.ofMinutes(9))), "too late to take a 10-minute paper");
        assertEquals(List.of(), due(c, r.closesAt()), "not once the round has closed");
        Instant early = ReminderSchedule.awake(close.withHour(4).toInstant(), c.config().zone());
        assertEquals(close.minusDays(1).withHour(20).withMinute(0).withSecond(0).toInstant(), early, "04:00 is night too");
    }

    @Test
    void aReminderWhoseMomentFallsBeforeItsRoundOpensIsNotSent() {
        Contest c = contest("reminders: {hoursBeforeRoundCloses: [240]}\n");
        Round second = c.rounds().get(1); // opens 4 days after the first, lasts 7 days
        Instant moment = second.closesAt().minus(Duration.ofHours(240));
        assertEquals(true, moment.isBefore(second.opensAt()));
        assertEquals(List.of(), due(c, second.opensAt()).stream().filter(k -> k.startsWith("tuan-2")).toList());
    }

    @Test
    void noRemindersUnlessTheContestFileAsks() {
        Contest c = contest("");
        assertEquals(ContestConfig.Reminders.NONE, c.config().reminders());
        assertEquals(List.of(), due(c, c.rounds().get(0).closesAt().minusSeconds(60)));
    }

    private static List<String> due(Contest c, Instant now) {
        return ReminderSchedule.due(c, now).stream().map(ReminderSchedule.Due::key).toList();
    }
}
