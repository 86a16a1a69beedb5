package vn.contest.core.rules;

import java.time.Instant;
import vn.contest.core.contest.Contest;

/**
 * Which questions practice ("Luyện tập") may draw: the bank's practice-only questions always, and a contest
 * question only once no live round can draw it with its key unknown. Practice never gives a live key away.
 */
public enum PracticePool {
    /** Practice-only questions. */
    PRACTICE_ONLY,
    /** Practice-only questions and contest questions whose key a closed round has shown (never drawn again). */
    WITH_SHOWN_KEYS,
    /** Every question: the contest has closed, no paper can draw one any more. */
    WHOLE_BANK;

    public static PracticePool at(Contest contest, Instant now) {
        if (!now.isBefore(contest.closesAt())) {
            return WHOLE_BANK;
        }
        // Only when keys are shown round by round is a shown question kept out of later rounds.
        return AnswerKey.hidesShownQuestions(contest.config()) ? WITH_SHOWN_KEYS : PRACTICE_ONLY;
    }
}
