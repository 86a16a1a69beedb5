package vn.contest.core.bank;

import java.util.List;

/** A question read from a file and found valid, not yet in the bank. */
public record QuestionDraft(int row, String topicCode, String text, List<String> options, int correctIndex, String explanation) {}
