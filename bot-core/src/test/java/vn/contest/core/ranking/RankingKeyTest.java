package vn.contest.core.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.config.ContestConfig.CountedAttempt;

/** The ranking key on hand-made papers; RankingReferenceTest holds the SQL to the same rule on random data. */
class RankingKeyTest {
    static final Instant T0 = Instant.parse("2023-09-10T01:00:00Z");

    static Attempt paper(long id, int score, Long prediction, long durationSeconds, long finishedAfterSeconds) {
        Instant started = T0.plusSeconds(finishedAfterSeconds - durationSeconds);
        return new Attempt(id, 100 + id, 1, 1, 1, Attempt.Status.FINISHED, 10, 10, score, prediction, started,
                started.plus(Duration.ofMinutes(30)), T0.plusSeconds(finishedAfterSeconds), "completed");
    }

    @Test
    void scoreThenPredictionThenDurationThenFinishTimeThenPaper() {
        long actual = 1000;
        List<Attempt> expected = List.of(
                paper(1, 9, 1000L, 300, 900),   // best score
                paper(2, 8, 990L, 300, 900),    // closer prediction beats...
                paper(3, 8, 1020L, 100, 100),   // ...a faster paper with a farther one
                paper(4, 8, null, 50, 50),      // no prediction ranks after any prediction
                paper(5, 7, 1000L, 200, 500),   // same score and distance: shorter duration first
                paper(6, 7, 1000L, 250, 400),
                paper(7, 7, 1000L, 250, 450),   // same duration: earlier finish first
                paper(8, 7, 1000L, 250, 450));  // identical: the earlier paper
        List<Attempt> shuffled = new ArrayList<>(expected);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(RankingKey.better(actual));
        assertEquals(expected.stream().map(Attempt::id).toList(), shuffled.stream().map(Attempt::id).toList());
    }

    @Test
    void theSqlOrderIsReadOffTheSameTerms() {
        assertEquals("c.score DESC NULLS LAST, c.distance ASC NULLS LAST, c.duration_ms ASC NULLS LAST, "
                + "c.finished_at ASC NULLS LAST, c.id ASC NULLS LAST", RankingKey.orderBy("c."));
        assertEquals(RankingKey.orderBy(""), RankingKey.countedOrderBy(CountedAttempt.BEST));
        assertEquals("started_at ASC NULLS LAST, id ASC NULLS LAST", RankingKey.countedOrderBy(CountedAttempt.FIRST));
        assertEquals("started_at DESC NULLS LAST, id DESC NULLS LAST", RankingKey.countedOrderBy(CountedAttempt.LAST));
    }

    @Test
    void thePapersKeptAsCandidatesAreOrderedByWhatIsKnownBeforeRanking() {
        // Under "best" the prediction's distance needs the actual number, so every paper with the top score is kept.
        assertEquals("score DESC NULLS LAST", RankingKey.candidatesOrderBy(CountedAttempt.BEST));
        assertEquals(RankingKey.countedOrderBy(CountedAttempt.FIRST), RankingKey.candidatesOrderBy(CountedAttempt.FIRST));
        assertEquals(RankingKey.countedOrderBy(CountedAttempt.LAST), RankingKey.candidatesOrderBy(CountedAttempt.LAST));
    }

    @Test
    void thePaperThatCountsFollowsThePolicy() {
        Attempt first = paper(1, 5, 1000L, 300, 300);
        Attempt best = paper(2, 9, 1000L, 300, 900);
        Attempt last = paper(3, 7, 1000L, 300, 1500);
        List<Attempt> papers = List.of(last, first, best);
        assertEquals(best, RankingKey.counted(papers, CountedAttempt.BEST, 1000).orElseThrow());
        assertEquals(first, RankingKey.counted(papers, CountedAttempt.FIRST, 1000).orElseThrow());
        assertEquals(last, RankingKey.counted(papers, CountedAttempt.LAST, 1000).orElseThrow());
    }
}
