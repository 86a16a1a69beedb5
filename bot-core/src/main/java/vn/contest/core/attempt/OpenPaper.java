package vn.contest.core.attempt;

/**
 * A paper being taken, as locked for one turn: its row, the question it is on (null once every question is
 * answered and the prediction is due), and the question after that one, read with it so that an answer moves on
 * without reading the paper again (null after the last question, and once the turn's answer has moved the paper).
 */
public record OpenPaper(Attempt attempt, PaperQuestion current, PaperQuestion next) {
    /** The paper as the object that decides its moves. */
    public Paper paper() {
        return Paper.contest(attempt, current);
    }
}
