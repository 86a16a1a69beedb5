package vn.contest.messenger;

import java.util.Optional;

/**
 * What our quick replies and postback buttons carry, and how a tap is read back. A quick reply's payload is never
 * shown (the person sees its title as their message), so it carries the engine's token after "t:", which the
 * engine then checks as for any channel. A menu item carries the words a person could type after "w:". The Get
 * Started button has its own payload. Anything else (a phone quick reply's number, a stranger's payload) is not ours.
 */
final class Payloads {
    static final String GET_STARTED = "GET_STARTED";
    private static final String TOKEN = "t:";
    private static final String WORDS = "w:";
    /** The Send API takes at most 1,000 characters of a payload; the engine's tokens are far shorter. */
    static final int MAX = 1000;

    private Payloads() {}

    static String token(String token) {
        return TOKEN + token;
    }

    static String words(String words) {
        return WORDS + words;
    }

    /** The engine's token a payload carries, if it is one of ours. */
    static Optional<String> tokenIn(String payload) {
        return payload != null && payload.startsWith(TOKEN) && payload.length() > TOKEN.length()
                ? Optional.of(payload.substring(TOKEN.length())) : Optional.empty();
    }

    /** The typed words a menu item stands for, if the payload is one. */
    static Optional<String> wordsIn(String payload) {
        return payload != null && payload.startsWith(WORDS) && payload.length() > WORDS.length()
                ? Optional.of(payload.substring(WORDS.length())) : Optional.empty();
    }
}
