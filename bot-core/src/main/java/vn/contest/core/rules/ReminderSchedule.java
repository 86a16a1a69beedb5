package vn.contest.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * Which reminder is due: each of the contest's {@code reminders.hoursBeforeRoundCloses} is due from its moment
 * until the next, later one (or the round's close). A moment missed entirely, while no instance ran, is not
 * sent late on top of the next one; a moment before the round opens is not sent at all.
 */
public final class ReminderSchedule {
    /** One reminder: the round, how many hours before its close, and the key that makes it happen once. */
    public record Due(Round round, int hoursBefore) {
        public String key() {
            return round.code() + ":" + hoursBefore + "h";
        }
    }

    private ReminderSchedule() {}

    public static List<Due> due(Contest contest, Instant now) {
        List<Integer> hours = contest.config().reminders().hoursBeforeRoundCloses(); // latest moment last
        List<Due> due = new ArrayList<>();
        for (Round r : contest.rounds()) {
            for (int i = 0; i < hours.size(); i++) {
                Instant moment = r.closesAt().minus(Duration.ofHours(hours.get(i)));
                Instant until = i + 1 < hours.size() ? r.closesAt().minus(Duration.ofHours(hours.get(i + 1))) : r.closesAt();
                if (!moment.isBefore(r.opensAt()) && !now.isBefore(moment) && now.isBefore(until)) {
                    due.add(new Due(r, hours.get(i)));
                }
            }
        }
        return due;
    }
}
