package vn.contest.core.attempt;

import java.util.List;
import vn.contest.core.rules.Grading;

/** A question as drawn into one paper: text and options in the order this participant sees them. */
public record PaperQuestion(int position, long questionId, String text, List<String> options, int correctIndex,
                            String explanation, Integer chosenIndex) {
    public boolean isAnswered() {
        return chosenIndex != null;
    }

    public boolean isCorrect() {
        return chosenIndex != null && Grading.isCorrect(chosenIndex, correctIndex);
    }
}
