package vn.contest.core.rules;

import java.time.Instant;
import java.util.Optional;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.RoundConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * A change of the rules that touches the round people are sitting now must be confirmed: it applies at once to
 * papers in progress, so people in the same round may no longer compete on the same terms. Touching means
 * changing that round's window, the paper (number of questions, time limit) or the attempt caps and counting.
 */
public final class OpenRoundChange {
    /** What the change alters in {@code round}, the round open now; at least one of the three is true. */
    public record Touched(Round round, boolean window, boolean paper, boolean attempts) {}

    private OpenRoundChange() {}

    /** Empty when no round is open at {@code now} or the change leaves the open round as it was. */
    public static Optional<Touched> of(Contest contest, Instant now, ContestConfig old, ContestConfig edited) {
        Optional<Round> open = contest.openRound(now);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String code = open.get().code();
        Optional<RoundConfig> before = round(old, code);
        Optional<RoundConfig> after = round(edited, code);
        boolean window = before.isPresent() && after.isPresent()
                && (!before.get().opensAt().equals(after.get().opensAt()) || !before.get().closesAt().equals(after.get().closesAt()));
        boolean paper = old.paper().questions() != edited.paper().questions()
                || old.paper().timeLimitMinutes() != edited.paper().timeLimitMinutes();
        boolean attempts = !old.attempts().equals(edited.attempts());
        return window || paper || attempts ? Optional.of(new Touched(open.get(), window, paper, attempts)) : Optional.empty();
    }

    private static Optional<RoundConfig> round(ContestConfig config, String code) {
        return config.rounds().stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
