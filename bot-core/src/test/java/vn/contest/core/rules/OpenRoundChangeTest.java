package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.testing.TestContest;

/** Which changes of the rules touch the round open now and must be confirmed: the rule alone, no database. */
class OpenRoundChangeTest {
    // The test contest: "tuan-1" open from yesterday to today+3d, "tuan-2" from today+4d (no gap) to today+10d.
    static final ContestConfig OLD = TestContest.config();
    static final Contest CONTEST = contest(OLD);
    static final Instant IN_FIRST_ROUND = CONTEST.rounds().get(0).opensAt().plusSeconds(60);
    static final Instant BEFORE_OPENING = CONTEST.rounds().get(0).opensAt().minusSeconds(1);

    static ContestConfig edited(String from, String to) {
        String yaml = TestContest.yaml();
        assertTrue(yaml.contains(from), from);
        return TestContest.config(yaml.replace(from, to));
    }

    static Contest contest(ContestConfig c) {
        List<Round> rounds = new ArrayList<>();
        long id = 1;
        for (ContestConfig.RoundConfig r : c.rounds()) {
            rounds.add(new Round(id++, r.code(), r.name(), r.opensAt().atZone(c.zone()).toInstant(), r.closesAt().atZone(c.zone()).toInstant()));
        }
        return new Contest(1, c, rounds, List.of(), List.of());
    }

    @Test
    void theOpenRoundsWindowPaperOrAttemptsEachNeedConfirming() {
        OpenRoundChange.Touched window = OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD,
                edited("closesAt: today+3d 23:59:59}", "closesAt: today+3d 20:00:00}")).orElseThrow();
        assertEquals("tuan-1", window.round().code());
        assertEquals(List.of(true, false, false), List.of(window.window(), window.paper(), window.attempts()));

        OpenRoundChange.Touched paper = OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD, edited("timeLimitMinutes: 10", "timeLimitMinutes: 15"))
                .orElseThrow();
        assertEquals(List.of(false, true, false), List.of(paper.window(), paper.paper(), paper.attempts()));
        assertTrue(OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD, edited("questions: 4", "questions: 5")).orElseThrow().paper());

        OpenRoundChange.Touched attempts = OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD, edited("counted: best", "counted: first"))
                .orElseThrow();
        assertEquals(List.of(false, false, true), List.of(attempts.window(), attempts.paper(), attempts.attempts()));
    }

    @Test
    void whatTheOpenRoundDoesNotUseChangesFreely() {
        assertEquals(Optional.empty(), OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD, OLD), "saving unchanged rules");
        assertEquals(Optional.empty(), OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD,
                edited("title: Cuộc thi thử nghiệm", "title: Cuộc thi mới")), "the title");
        assertEquals(Optional.empty(), OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD,
                edited("closesAt: today+10d 23:59:59}", "closesAt: today+10d 20:00:00}")), "another round's window");
        assertEquals(Optional.empty(), OpenRoundChange.of(CONTEST, IN_FIRST_ROUND, OLD,
                edited("{code: nhat, name: Giải Nhất, count: 1}", "{code: nhat, name: Giải Nhất, count: 3}")), "prize counts");
    }

    @Test
    void withNoRoundOpenNothingNeedsConfirming() {
        assertEquals(Optional.empty(), OpenRoundChange.of(CONTEST, BEFORE_OPENING, OLD, edited("timeLimitMinutes: 10", "timeLimitMinutes: 15")));
        assertEquals(Optional.empty(), OpenRoundChange.of(CONTEST, CONTEST.closesAt(), OLD, edited("counted: best", "counted: last")));
    }
}
