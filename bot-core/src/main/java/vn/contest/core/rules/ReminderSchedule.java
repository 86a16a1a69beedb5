package vn.contest.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * Which reminder is due. Each of the contest's {@code reminders.hoursBeforeRoundCloses} has a moment, moved to
 * 20:00 the evening before when it falls in the night (22:00-07:00 local: a 24-hour reminder for a round that
 * closes at 23:59 would otherwise wake people at midnight). It is due from its moment until the next one, and
 * never once too little time is left to take a paper. A moment missed entirely, while no instance ran, is not
 * sent late on top of the next one; a moment before the round opens is not sent at all.
 */
public final class ReminderSchedule {
    static final LocalTime NIGHT_FROM = LocalTime.of(22, 0);
    static final LocalTime NIGHT_UNTIL = LocalTime.of(7, 0);
    static final LocalTime EVENING = LocalTime.of(20, 0);

    /** One reminder: the round, how many hours before its close, and the key that makes it happen once. */
    public record Due(Round round, int hoursBefore) {
        public String key() {
            return round.code() + ":" + hoursBefore + "h";
        }
    }

    private ReminderSchedule() {}

    public static List<Due> due(Contest contest, Instant now) {
        List<Integer> hours = contest.config().reminders().hoursBeforeRoundCloses(); // latest moment last
        ZoneId zone = contest.config().zone();
        Duration paper = Duration.ofMinutes(contest.config().paper().timeLimitMinutes());
        List<Due> due = new ArrayList<>();
        for (Round r : contest.rounds()) {
            Instant lastUseful = r.closesAt().minus(paper);
            for (int i = 0; i < hours.size(); i++) {
                Instant moment = awake(r.closesAt().minus(Duration.ofHours(hours.get(i))), zone);
                Instant next = i + 1 < hours.size() ? awake(r.closesAt().minus(Duration.ofHours(hours.get(i + 1))), zone) : lastUseful;
                Instant until = next.isBefore(lastUseful) ? next : lastUseful;
                if (!moment.isBefore(r.opensAt()) && !now.isBefore(moment) && now.isBefore(until)) {
                    due.add(new Due(r, hours.get(i)));
                }
            }
        }
        return due;
    }

    /** The moment itself, or 20:00 the evening before when it falls in the night. */
    static Instant awake(Instant moment, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(NIGHT_FROM)) {
            return local.with(EVENING).toInstant();
        }
        if (time.isBefore(NIGHT_UNTIL)) {
            return local.minusDays(1).with(EVENING).toInstant();
        }
        return moment;
    }
}
