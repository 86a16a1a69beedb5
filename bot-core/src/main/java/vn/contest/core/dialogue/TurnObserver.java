package vn.contest.core.dialogue;

/** Told of every inbound message the dialogue handled (or failed to), for metrics: no framework in bot-core. */
public interface TurnObserver {
    /** {@code outcome}: "handled", "duplicate" or "failed"; {@code nanos}: the time the turn took. */
    void turn(String channel, String outcome, long nanos);

    TurnObserver NONE = (channel, outcome, nanos) -> { };
}
