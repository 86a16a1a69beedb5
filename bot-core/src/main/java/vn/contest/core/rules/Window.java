package vn.contest.core.rules;

import java.time.Instant;
import java.util.Optional;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/** Where the contest stands at a moment: before it opens, in a round, between rounds, or closed. */
public sealed interface Window {
    record NotOpenYet(Instant opensAt) implements Window {}

    record Open(Round round) implements Window {}

    record BetweenRounds(Round next) implements Window {}

    record Closed(Instant closedAt) implements Window {}

    static Window at(Contest contest, Instant now) {
        if (now.isBefore(contest.opensAt())) {
            return new NotOpenYet(contest.opensAt());
        }
        if (!now.isBefore(contest.closesAt())) {
            return new Closed(contest.closesAt());
        }
        Optional<Round> open = contest.openRound(now);
        if (open.isPresent()) {
            return new Open(open.get());
        }
        return contest.nextRound(now).<Window>map(BetweenRounds::new).orElse(new Closed(contest.closesAt()));
    }
}
