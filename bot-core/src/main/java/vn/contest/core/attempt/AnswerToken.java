package vn.contest.core.attempt;

/** What an answer names: the paper (or practice set), the question's position and the option chosen. */
public record AnswerToken(long paperId, int position, int optionIndex) {}
