package vn.contest.core.rules;

/**
 * An answer is right when it picks the option that was correct when the paper was drawn (the paper's own
 * snapshot, so later bank edits change nothing). Whether it is right is stored with the answer, and a
 * paper's score is the number of right answers.
 */
public final class Grading {
    private Grading() {}

    public static boolean isCorrect(int chosenIndex, int correctIndex) {
        return chosenIndex == correctIndex;
    }

    /** What an answer adds to its paper's score: so the score is the number of right answers. */
    public static int points(boolean correct) {
        return correct ? 1 : 0;
    }
}
