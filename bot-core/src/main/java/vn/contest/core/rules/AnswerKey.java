package vn.contest.core.rules;

import java.time.Instant;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.Reveal;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * When a participant may see the correct answers of a paper: right after it, once its round closes, or once
 * the whole contest closes. With keys shown round by round, a question whose key is out is not drawn again in
 * a later round ({@link #hidesShownQuestions}).
 */
public final class AnswerKey {
    private AnswerKey() {}

    public static boolean mayShow(Contest contest, Round round, Instant now) {
        Reveal reveal = contest.config().answers().reveal();
        return switch (reveal) {
            case AFTER_ATTEMPT -> true;
            case AFTER_ROUND_CLOSES -> round.isClosed(now);
            case AFTER_CONTEST_CLOSES -> !now.isBefore(contest.closesAt());
        };
    }

    /** Whether later rounds must leave out questions whose key an earlier, closed round has shown. */
    public static boolean hidesShownQuestions(ContestConfig config) {
        return config.answers().reveal() == Reveal.AFTER_ROUND_CLOSES;
    }
}
