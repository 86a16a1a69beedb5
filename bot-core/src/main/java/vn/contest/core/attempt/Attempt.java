package vn.contest.core.attempt;

import java.time.Duration;
import java.time.Instant;

/** One paper taken by one participant. */
public record Attempt(long id, long participantId, long roundId, long chatAccountId, int group, Status status,
                      int questionCount, int currentPosition, int score, Long prediction,
                      Instant startedAt, Instant deadlineAt, Instant finishedAt, String finishReason) {

    public enum Status { ANSWERING, PREDICTING, FINISHED }

    public boolean isOpen() {
        return status != Status.FINISHED;
    }

    public boolean isPastDeadline(Instant now) {
        return !now.isBefore(deadlineAt);
    }

    public Duration remaining(Instant now) {
        Duration d = Duration.between(now, deadlineAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
