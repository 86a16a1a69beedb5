package vn.contest.core.outbox;

import vn.contest.core.message.Outbound;

/** Delivers replies on one channel; each adapter renders {@link Outbound} in its platform's own way. */
public interface Sender {
    String channel();

    /** Messages a second this channel may send in all, every instance together (the dispatchers share a {@link SharedPace}). */
    default double messagesPerSecond() {
        return 30;
    }

    /** The least time between two messages to one chat (edits excepted); zero for no per-chat pacing. */
    default java.time.Duration perChatGap() {
        return java.time.Duration.ZERO;
    }

    SendResult send(Outbound message);
}
