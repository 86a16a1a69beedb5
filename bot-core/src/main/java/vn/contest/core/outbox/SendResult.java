package vn.contest.core.outbox;

import java.time.Duration;

/** How one delivery went. */
public sealed interface SendResult {
    /** Delivered; {@code ref} is the platform's id of the message now showing it, where the platform gives one. */
    record Sent(String ref) implements SendResult {}

    /** A passing fault (rate limit, 5xx, time-out): try again, after {@code after} when the platform said so. */
    record Retry(Duration after, String reason) implements SendResult {}

    /**
     * The platform refuses for now, for a reason on the sending side that an operator must put right (the
     * account's quota, package or balance; a night-time ban): the message is kept and tried again after
     * {@code after}, never given up on for this, and the channel raises {@code alert} (a stable code, as on
     * {@code /health}) while such messages wait.
     */
    record Held(Duration after, String alert, String reason) implements SendResult {}

    /** The platform will never take this message (user blocked the bot, outside the reply window...). */
    record Undeliverable(String reason) implements SendResult {}

    static SendResult sent() {
        return new Sent(null);
    }

    static SendResult sent(String ref) {
        return new Sent(ref);
    }

    /** The platform's error code a sender puts first in its reason ("429 Too Many Requests", "-230 ..."), or "io". */
    static String errorCode(String reason) {
        String first = reason == null ? "" : reason.strip().split("\\s+", 2)[0];
        return first.matches("-?\\d{1,6}") ? first : "io";
    }
}
