package vn.contest.core.attempt;

/**
 * A paper being taken, as locked for one turn: its row and the question it is on (null once every question
 * is answered and the prediction is due).
 */
public record OpenPaper(Attempt attempt, PaperQuestion current) {
    /** The paper as the object that decides its moves. */
    public Paper paper() {
        return Paper.contest(attempt, current);
    }
}
