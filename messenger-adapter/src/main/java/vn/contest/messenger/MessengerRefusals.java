package vn.contest.messenger;

import java.time.Duration;
import vn.contest.core.outbox.SendResult;

/**
 * What each Send API error means for a message, in one place (codes from the Messenger Platform's error-code pages,
 * as the project's reference lists them):
 * <ul>
 *   <li>10 with subcode 2018278: outside the 24-hour window; 551: the person is unavailable (left, blocked the Page);
 *       100: a bad parameter or no matching user. The same message would fail again: undeliverable, reason kept.</li>
 *   <li>4 and 613 (and HTTP 429): throttled; tried again after a minute.</li>
 *   <li>190: the Page token is invalid (a password change, a removed admin, a revoked app): only a person can put it
 *       right, so the message is held, never given up on for it, with the alert {@value #TOKEN_ALERT}.</li>
 *   <li>anything else: retried with backoff, given up after the dispatcher's tries with the reason kept.</li>
 * </ul>
 */
final class MessengerRefusals {
    static final int PERMISSION = 10;
    static final int OUTSIDE_WINDOW = 2018278;
    static final int USER_UNAVAILABLE = 551;
    static final int BAD_PARAMETER = 100;
    static final int TOKEN_INVALID = 190;
    static final int RATE_LIMITED = 4;
    static final int PAGE_RATE_LIMITED = 613;
    static final String TOKEN_ALERT = "MESSENGER_TOKEN_INVALID";
    static final Duration THROTTLED_WAIT = Duration.ofMinutes(1);
    /** How often a held message is tried while the token is refused: a new token takes a restart, which retries at once. */
    static final Duration TOKEN_WAIT = Duration.ofMinutes(10);

    private MessengerRefusals() {}

    static SendResult classify(MessengerApi.Reply reply) {
        String reason = reply.reason();
        int code = reply.code();
        if (code == PERMISSION && reply.subcode() == OUTSIDE_WINDOW || code == USER_UNAVAILABLE || code == BAD_PARAMETER) {
            return new SendResult.Undeliverable(reason);
        }
        if (code == TOKEN_INVALID) {
            return new SendResult.Held(TOKEN_WAIT, TOKEN_ALERT, reason);
        }
        if (code == RATE_LIMITED || code == PAGE_RATE_LIMITED || reply.status() == 429) {
            return new SendResult.Retry(THROTTLED_WAIT, reason);
        }
        return new SendResult.Retry(null, reason);
    }
}
