package vn.contest.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.AttemptPolicy;
import vn.contest.core.contest.Round;

/**
 * When a paper may start and how long it lasts: the caps on papers per contest, round and day (a day as the
 * contest's time zone counts it), the attempts left, and the deadline. Which finished paper counts is part
 * of the ranking key ({@code ranking.RankingKey}).
 */
public final class AttemptRules {
    public enum Cap { CONTEST, ROUND, DAY }

    /** Papers a person has started: in the whole contest, in the round, and today. */
    public record Counts(int inContest, int inRound, int today) {}

    /** A cap that stops the next paper, with its limit. */
    public record CapReached(Cap cap, int limit) {}

    /** The day in the contest's time zone, as instants: papers started in [start, end) count as today's. */
    public record Day(Instant start, Instant end) {}

    private final ContestConfig config;

    /**
     * On {@code participants p}, for round {@code :round}: the contest and round caps leave the person a paper
     * (as {@link #capReached} for those two; the daily cap resets and is left out). Bind with {@link #bindCaps}.
     */
    public static final String CAPS_LEAVE_A_PAPER = """
            (:perContest = 0 OR (SELECT count(*) FROM attempts a WHERE a.participant_id = p.id) < :perContest)
            AND (:perRound = 0 OR (SELECT count(*) FROM attempts a WHERE a.participant_id = p.id AND a.round_id = :round) < :perRound)""";

    public <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindCaps(T statement) {
        return statement.bind("perContest", config.attempts().maxPerContest()).bind("perRound", config.attempts().maxPerRound());
    }

    public AttemptRules(ContestConfig config) {
        this.config = config;
    }

    public Day today(Instant now) {
        ZoneId zone = config.zone();
        LocalDate day = now.atZone(zone).toLocalDate();
        return new Day(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The first cap (contest, then round, then day) that this person has used up, if any. */
    public Optional<CapReached> capReached(Counts counts) {
        return caps(counts).stream().filter(c -> c.left <= 0).findFirst().map(c -> new CapReached(c.cap, c.limit));
    }

    /** Papers this person may still start (the tightest cap), or empty when nothing caps them. */
    public OptionalInt attemptsLeft(Counts counts) {
        return caps(counts).stream().mapToInt(c -> Math.max(0, c.left)).min();
    }

    /** A paper's deadline: its time limit, cut short by the end of its round. */
    public Instant deadline(Instant startedAt, Round round) {
        Instant limit = startedAt.plus(Duration.ofMinutes(config.paper().timeLimitMinutes()));
        return limit.isBefore(round.closesAt()) ? limit : round.closesAt();
    }

    private record Limit(Cap cap, int limit, int left) {}

    /** The caps in force (0 means none), with what is left of each. */
    private List<Limit> caps(Counts counts) {
        AttemptPolicy p = config.attempts();
        return java.util.stream.Stream.of(
                        new Limit(Cap.CONTEST, p.maxPerContest(), p.maxPerContest() - counts.inContest()),
                        new Limit(Cap.ROUND, p.maxPerRound(), p.maxPerRound() - counts.inRound()),
                        new Limit(Cap.DAY, p.maxPerDay(), p.maxPerDay() - counts.today()))
                .filter(l -> l.limit > 0).toList();
    }
}
