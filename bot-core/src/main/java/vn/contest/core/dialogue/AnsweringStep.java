package vn.contest.core.dialogue;

import java.util.Optional;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.OpenPaper;
import vn.contest.core.attempt.Paper;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.text.AnswerLetters;

/** A contest paper's questions, in this step's words; what an answer comes to is the {@link Paper}'s to say. */
final class AnsweringStep implements Step, PaperAnswers.Wording {
    @Override
    public void prompt(Turn t) {
        ask(t);
    }

    @Override
    public Next accept(Turn t) {
        OpenPaper open = t.openPaper().orElseThrow();
        Paper.Answered answered = open.paper().answer(t.choice(), t.text(), t.now);
        if (answered instanceof Paper.Recorded recorded) {
            return recorded(t, open, recorded);
        }
        if (answered instanceof Paper.Late) {
            AttemptFlow.expire(t);
            return Next.to(State.READY);
        }
        return PaperAnswers.refuse(t, answered, this);
    }

    @Override
    public void ask(Turn t) {
        OpenPaper open = t.openPaper().orElseThrow();
        Attempt a = open.attempt();
        PaperQuestion q = open.current();
        String headed = Texts.format(Texts.QUESTION, q.position() + 1, a.questionCount(), Texts.duration(open.paper().remaining(t.now)), q.text());
        t.sayQuestion(PaperAnswers.question(headed, q), PaperAnswers.buttons(open.paper()), a.deadlineAt());
    }

    @Override
    public String hint(Paper.NotAnOption answer) {
        return PaperAnswers.hint(answer);
    }

    /** Stores what the paper decided, marks the answered question where the platform can, and moves on. */
    private Next recorded(Turn t, OpenPaper open, Paper.Recorded answer) {
        OpenPaper after = AttemptStore.recordAnswer(t.h, open, answer, t.now);
        t.paperIs(Optional.of(after));
        PaperQuestion q = answer.question();
        String letter = String.valueOf(AnswerLetters.letter(answer.chosenIndex()));
        // The answered question shows the choice, without buttons to tap again: kept with its text, or, where it is the
        // chat's newest message, changed in place into the next one headed by the choice (one call to the platform).
        t.answeredTapped(Texts.format(Texts.ANSWERED, q.position() + 1, open.attempt().questionCount(), q.text()) + Texts.options(q.options())
                + "\n\n" + Texts.format(Texts.CHOSEN, letter),
                Texts.format(Texts.CHOSEN_LINE, q.position() + 1, open.attempt().questionCount(), letter));
        return Next.to(answer.nextStage() == Paper.Stage.PREDICTING ? State.PREDICTING : State.ANSWERING);
    }
}
