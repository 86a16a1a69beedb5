package vn.contest.core.channel;

import java.time.Instant;
import vn.contest.core.message.ChatRef;

/**
 * A platform's proof, carried by a page the platform opens inside its own app (Telegram's Mini App and its
 * signed {@code initData}), of which of its chats opened the page. The platform's channel checks the proof; the
 * web channel, which serves the page, then lets that page act as the chat named: the same person, registration
 * and papers as in the platform's chat, over the page's HTTP API. Only the platform knows how its proof is
 * signed, and the web channel knows no platform.
 */
public interface PageIdentity {
    /** The channel whose chats the proofs name ("telegram"); the page names it when it hands its proof over. */
    String channel();

    /** The chat a proof names and until when the page may act as it, or why it is refused. Never logs the proof. */
    Verdict verify(String proof);

    /**
     * The origins of the platform's web clients that open the page in a frame (Telegram Web opens a Mini App in an
     * iframe of https://web.telegram.org): the chat page lets them, and no one else, frame it.
     */
    default java.util.List<String> frameAncestors() {
        return java.util.List.of();
    }

    /** What a proof came to. */
    sealed interface Verdict permits Proved, Refused {}

    /** A genuine, fresh proof: the page may act as {@code chat} until {@code validUntil}. */
    record Proved(ChatRef chat, Instant validUntil) implements Verdict {}

    /** A forged, stale or malformed proof; {@code message} tells the person, in Vietnamese, what to do. */
    record Refused(String message) implements Verdict {}
}
