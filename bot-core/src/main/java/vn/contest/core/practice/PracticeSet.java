package vn.contest.core.practice;

import java.util.List;

/** A practice set in progress: its questions in order, how far it has got and how many were right. */
public record PracticeSet(long id, List<Long> questionIds, int position, int correct) {
    public boolean isLast() {
        return position == questionIds.size() - 1;
    }

    public long currentQuestionId() {
        return questionIds.get(position);
    }
}
