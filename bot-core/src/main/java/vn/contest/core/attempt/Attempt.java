package vn.contest.core.attempt;

import java.time.Duration;
import java.time.Instant;

/** One paper taken by one participant, as stored; {@link Paper} decides its moves. */
public record Attempt(long id, long participantId, long roundId, long chatAccountId, int group, Status status,
                      int questionCount, int currentPosition, int score, Long prediction,
                      Instant startedAt, Instant deadlineAt, Instant finishedAt, String finishReason) {

    public enum Status { ANSWERING, PREDICTING, FINISHED }

    public boolean isOpen() {
        return status != Status.FINISHED;
    }

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
