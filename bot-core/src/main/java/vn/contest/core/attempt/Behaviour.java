package vn.contest.core.attempt;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between the two kinds of paper, as Moodle separates an attempt from its behaviour: a contest
 * paper is timed, holds its key back, asks the prediction after the last question and counts; a practice set
 * is untimed, shows the key and the explanation after each answer and counts nowhere. Everything else about
 * answering (tokens, stale and forged taps, typed letters, moving on) is the {@link Paper}'s, once.
 */
public enum Behaviour {
    CONTEST("ans", true, false, true),
    PRACTICE("pra", false, true, false);

    /** The button token's prefix: a token of one kind is never read as the other's. */
    private final String tokenKind;
    private final Pattern tokenForm;
    private final boolean timed;
    private final boolean keyAtOnce;
    private final boolean predicts;

    Behaviour(String tokenKind, boolean timed, boolean keyAtOnce, boolean predicts) {
        this.tokenKind = tokenKind;
        this.tokenForm = Pattern.compile(tokenKind + ":(\\d{1,18}):(\\d{1,3}):([A-F])");
        this.timed = timed;
        this.keyAtOnce = keyAtOnce;
        this.predicts = predicts;
    }

    /** Whether the paper has a deadline (and ends at it). */
    public boolean timed() {
        return timed;
    }

    /** Whether the key and explanation follow each answer (practice) or wait for the rules' reveal (contest). */
    public boolean keyAtOnce() {
        return keyAtOnce;
    }

    /** Whether the prediction (the tie-break) is asked after the last question. */
    public boolean predicts() {
        return predicts;
    }

    /** A button's token: short ASCII (Telegram allows 64 bytes) naming the paper, the position and the option. */
    public String token(long paperId, int position, int optionIndex) {
        return tokenKind + ":" + paperId + ":" + position + ":" + (char) ('A' + optionIndex);
    }

    /** A token of this kind, never trusted: {@link Paper#answer} checks it against the paper's state. */
    public Optional<AnswerToken> parse(String token) {
        Matcher m = tokenForm.matcher(token == null ? "" : token);
        return m.matches()
                ? Optional.of(new AnswerToken(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).charAt(0) - 'A'))
                : Optional.empty();
    }
}
