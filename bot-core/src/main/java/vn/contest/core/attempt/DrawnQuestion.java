package vn.contest.core.attempt;

import java.util.List;

/** A bank question as drawn for a new paper, options already in this paper's order. */
public record DrawnQuestion(long questionId, String text, List<String> options, int correctIndex, String explanation) {}
