package vn.contest.core.bank;

import java.util.List;

/**
 * A question read from a file and found valid, not yet in the bank. {@code roundCode} names the one round it
 * is meant for (the file's "Vòng" column), or is null for any round; {@code practice} marks a question for
 * practice only (the "Dùng cho" column says "luyện tập"), never drawn into a contest paper. {@code factGroup} (the
 * "Nhóm" column, null for none) is shared by questions on one fact, never drawn into one paper together;
 * {@code checkNotes} (the "Ghi chú kiểm tra" column) names the item checks whose warnings this row keeps on purpose.
 */
public record QuestionDraft(int row, String topicCode, String text, List<String> options, int correctIndex, String explanation,
                            String roundCode, boolean practice, String factGroup, String checkNotes) {
    public QuestionDraft(int row, String topicCode, String text, List<String> options, int correctIndex, String explanation,
                         String roundCode, boolean practice) {
        this(row, topicCode, text, options, correctIndex, explanation, roundCode, practice, null, "");
    }

    public QuestionDraft(int row, String topicCode, String text, List<String> options, int correctIndex, String explanation) {
        this(row, topicCode, text, options, correctIndex, explanation, null, false);
    }

    /** The value stored in {@code questions.purpose}. */
    public String purpose() {
        return practice ? "practice" : "contest";
    }
}
