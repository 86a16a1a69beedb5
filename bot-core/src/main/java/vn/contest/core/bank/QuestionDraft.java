package vn.contest.core.bank;

import java.util.List;

/**
 * A question read from a file and found valid, not yet in the bank. {@code roundCode} names the one round it
 * is meant for (the file's "Vòng" column), or is null for any round.
 */
public record QuestionDraft(int row, String topicCode, String text, List<String> options, int correctIndex, String explanation,
                            String roundCode) {
    public QuestionDraft(int row, String topicCode, String text, List<String> options, int correctIndex, String explanation) {
        this(row, topicCode, text, options, correctIndex, explanation, null);
    }
}
