package vn.contest.core.rules;

import java.time.Instant;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Round;

/** When a participant may see the correct answers of a paper: after the attempt, or once its round closes. */
public final class AnswerKey {
    private AnswerKey() {}

    public static boolean mayShow(ContestConfig config, Round round, Instant now) {
        return config.answers().reveal() == ContestConfig.Reveal.AFTER_ATTEMPT || round.isClosed(now);
    }
}
