package vn.contest.core.rules;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.testing.TestContest;

/** The test contest's rules as the engine sees them, with made-up ids: no database. */
final class RulesFixture {
    private RulesFixture() {}

    static ContestConfig config() {
        return TestContest.config();
    }

    static Contest contest(ContestConfig c) {
        List<Round> rounds = new ArrayList<>();
        long id = 1;
        for (ContestConfig.RoundConfig r : c.rounds()) {
            rounds.add(new Round(id++, r.code(), r.name(), at(c, r.opensAt()), at(c, r.closesAt())));
        }
        return new Contest(1, c, rounds, List.of(), List.of());
    }

    static java.time.Instant at(ContestConfig c, LocalDateTime local) {
        return local.atZone(c.zone()).toInstant();
    }
}
