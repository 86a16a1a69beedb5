package vn.contest.core.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.contest.core.rules.Grading;
import vn.contest.core.text.AnswerLetters;

/**
 * A paper being taken, contest or practice ({@link Behaviour}): it answers one token at a time and says what
 * happened, moves itself to the prediction and to finished, and expires when due. It decides; the stores
 * ({@link AttemptStore}, the practice store) persist what it decided and decide nothing. Immutable: a
 * decision names the paper's next position and stage, and the store returns the paper as it then stands.
 */
public final class Paper {
    public enum Stage { ANSWERING, PREDICTING, FINISHED }

    /** Why a paper closed, as stored in {@code attempts.finish_reason}. */
    public enum Reason {
        COMPLETED("completed"), TIMEOUT("timeout");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** What an answer came to. */
    public sealed interface Answered {}

    /** The answer counts: the question, the option, right or wrong, and where the paper goes next. */
    public record Recorded(PaperQuestion question, int chosenIndex, boolean correct, int nextPosition, Stage nextStage)
            implements Answered {
        public int gain() {
            return Grading.points(correct);
        }
    }

    /** The token names another paper, or a question already answered or not reached yet: nothing changes. */
    public record Stale() implements Answered {}

    /** Nothing that reads as one of the current question's options: the person needs the hint. */
    public record NotAnOption(char lastLetter) implements Answered {}

    /** The time ran out before this answer: the paper expires instead ({@link #expiry}). */
    public record Late() implements Answered {}

    /** How the paper closes: the prediction (null when none was given), when, and why. */
    public record Finish(Long prediction, Instant at, Reason reason) {}

    private final Behaviour behaviour;
    private final long id;
    private final int questionCount;
    private final int position;
    private final int score;
    private final Stage stage;
    private final Instant deadline;
    private final Long prediction;
    private final PaperQuestion current;

    private Paper(Behaviour behaviour, long id, int questionCount, int position, int score, Stage stage, Instant deadline,
                  Long prediction, PaperQuestion current) {
        if (behaviour.timed() != (deadline != null)) {
            throw new IllegalArgumentException("a " + behaviour + " paper " + (behaviour.timed() ? "needs" : "has no") + " deadline");
        }
        this.behaviour = behaviour;
        this.id = id;
        this.questionCount = questionCount;
        this.position = position;
        this.score = score;
        this.stage = stage;
        this.deadline = deadline;
        this.prediction = prediction;
        this.current = current;
    }

    /** A contest paper as stored, with the question it is on (null while predicting or once finished). */
    public static Paper contest(Attempt a, PaperQuestion current) {
        Stage stage = switch (a.status()) {
            case ANSWERING -> Stage.ANSWERING;
            case PREDICTING -> Stage.PREDICTING;
            case FINISHED -> Stage.FINISHED;
        };
        return new Paper(Behaviour.CONTEST, a.id(), a.questionCount(), a.currentPosition(), a.score(), stage, a.deadlineAt(),
                a.prediction(), current);
    }

    /** A practice set as stored: {@code correct} answers so far, on {@code current} (null once every question is answered). */
    public static Paper practice(long id, int questionCount, int position, int correct, PaperQuestion current) {
        return new Paper(Behaviour.PRACTICE, id, questionCount, position, correct, position >= questionCount ? Stage.FINISHED : Stage.ANSWERING,
                null, null, current);
    }

    /**
     * The person's answer: a button's token ({@code choice}), or, when no button was tapped, a typed letter for the
     * current question. Checked against the paper's own state, so a stale, repeated or forged token changes nothing.
     */
    public Answered answer(String choice, String typed, Instant now) {
        if (isDue(now)) {
            return new Late();
        }
        if (stage != Stage.ANSWERING) {
            return new Stale();
        }
        Optional<AnswerToken> token = behaviour.parse(choice);
        if (token.isEmpty() && (choice == null || choice.isEmpty())) {
            OptionalInt letter = AnswerLetters.parse(typed == null ? "" : typed.strip());
            if (letter.isPresent()) {
                token = Optional.of(new AnswerToken(id, position, letter.getAsInt()));
            }
        }
        char lastLetter = AnswerLetters.letter(current.options().size() - 1);
        if (token.isEmpty()) {
            return new NotAnOption(lastLetter);
        }
        AnswerToken answer = token.get();
        if (answer.paperId() != id || answer.position() != position) {
            return new Stale();
        }
        if (answer.optionIndex() >= current.options().size()) {
            return new NotAnOption(lastLetter);
        }
        int next = position + 1;
        Stage nextStage = next < questionCount ? Stage.ANSWERING : behaviour.predicts() ? Stage.PREDICTING : Stage.FINISHED;
        return new Recorded(current, answer.optionIndex(), Grading.isCorrect(answer.optionIndex(), current.correctIndex()), next, nextStage);
    }

    /** The prediction closes the paper; one given after the deadline is not taken, and the paper expires instead. */
    public Finish predict(long value, Instant now) {
        if (stage != Stage.PREDICTING) {
            throw new IllegalStateException("paper " + id + " is " + stage + ", not predicting");
        }
        return expiry(now).orElseGet(() -> new Finish(value, now, Reason.COMPLETED));
    }

    /** How the paper closes when its time ran out (at its deadline, as if the person had stopped then); empty when not due. */
    public Optional<Finish> expiry(Instant now) {
        return isDue(now) ? Optional.of(new Finish(prediction, deadline, Reason.TIMEOUT)) : Optional.empty();
    }

    /** Whether an open, timed paper's time has run out. */
    public boolean isDue(Instant now) {
        return behaviour.timed() && stage != Stage.FINISHED && !now.isBefore(deadline);
    }

    /** The time left (zero once due; untimed papers have no limit and say so with null). */
    public Duration remaining(Instant now) {
        if (deadline == null) {
            return null;
        }
        Duration d = Duration.between(now, deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The current question's buttons' tokens, one per option in order. */
    public List<String> tokens() {
        List<String> tokens = new ArrayList<>(current.options().size());
        for (int i = 0; i < current.options().size(); i++) {
            tokens.add(behaviour.token(id, position, i));
        }
        return tokens;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public long id() {
        return id;
    }

    public int questionCount() {
        return questionCount;
    }

    /** The current question's position (0-based); {@link #questionCount} once every question is answered. */
    public int position() {
        return position;
    }

    /** Right answers so far. */
    public int score() {
        return score;
    }

    public Stage stage() {
        return stage;
    }

    public Instant deadline() {
        return deadline;
    }

    /** The question being answered; null while predicting or once finished. */
    public PaperQuestion current() {
        return current;
    }
}
