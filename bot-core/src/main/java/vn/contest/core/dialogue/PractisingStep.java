package vn.contest.core.dialogue;

import java.util.List;
import java.util.Optional;
import vn.contest.core.attempt.Paper;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.practice.PracticeStore;
import vn.contest.core.text.AnswerLetters;

/**
 * "Luyện tập": a short set of questions with the key and explanation right after each answer. The set lives in
 * its own table ({@link PracticeStore}), so nothing the contest counts ever sees it; what it may draw is
 * {@link vn.contest.core.rules.PracticePool}'s to say.
 */
final class PractisingStep implements Step, PaperAnswers.Wording {
    static final List<String> STOP = List.of("dừng", "dừng luyện tập", "thôi", "kết thúc luyện tập", "stop");
    /** The menu's ways to start a paper, but "1": a digit is no answer letter, and no start either here. */
    static final List<String> START = ReadyStep.START.stream().filter(f -> !f.equals("1")).toList();

    /** Starts a set (the "luyện tập" command): registered people, outside a timed paper. */
    static Next start(Turn t) {
        if (!t.account.isRegistered()) {
            return t.aside(Texts.NOT_REGISTERED_PRACTICE);
        }
        if (t.account.state().isInAttempt()) {
            return t.aside(Texts.format(Texts.PRACTICE_IN_ATTEMPT, t.timeLeft()));
        }
        List<Long> questions = PracticeStore.draw(t.h, t.contest, t.now, t.contest.config().practice().questions(), t.drawer.random());
        if (questions.isEmpty()) {
            t.say(Texts.PRACTICE_EMPTY);
            return Next.to(State.READY);
        }
        PracticeStore.start(t.h, t.contest.id(), t.account.id, t.account.participantId, questions, t.now);
        t.say(Texts.format(Texts.PRACTICE_INTRO, questions.size()));
        return Next.to(State.PRACTISING);
    }

    /** Stops the open set, if any, and says how it went. */
    static void stop(Turn t) {
        PracticeStore.open(t.h, t.account.id).ifPresent(set -> t.say(Texts.format(Texts.PRACTICE_STOPPED, set.score(), set.position())));
        PracticeStore.stop(t.h, t.account.id, t.now);
    }

    @Override
    public void prompt(Turn t) {
        ask(t);
    }

    @Override
    public Next accept(Turn t) {
        Optional<Paper> open = PracticeStore.open(t.h, t.account.id);
        if (open.isEmpty()) {
            return Next.to(State.READY);
        }
        if (t.said(STOP)) {
            stop(t);
            return Next.to(State.READY);
        }
        if (Tokens.isStartAttempt(t.choice()) || t.said(START)) {
            // "thi" or a reminder's "Bắt đầu thi" button: the person wants a paper, not a hint about practice.
            stop(t);
            return AttemptFlow.start(t);
        }
        Paper set = open.get();
        Paper.Answered answered = set.answer(t.choice(), t.text(), t.now);
        return answered instanceof Paper.Recorded recorded ? recorded(t, set, recorded) : PaperAnswers.refuse(t, answered, this);
    }

    @Override
    public void ask(Turn t) {
        Optional<Paper> open = PracticeStore.open(t.h, t.account.id);
        if (open.isEmpty()) {
            // Finished or stopped elsewhere (another turn of this chat): back to the menu.
            DialogueTable.reconcile(t, State.READY, true);
            return;
        }
        Paper set = open.get();
        PaperQuestion q = set.current();
        t.say(PaperAnswers.question(Texts.format(Texts.PRACTICE_QUESTION, set.position() + 1, set.questionCount(), q.text()), q),
                PaperAnswers.buttons(set));
    }

    @Override
    public String hint(Paper.NotAnOption answer) {
        return PaperAnswers.hint(answer) + " Gõ \"dừng\" để dừng luyện tập.";
    }

    /** Stores what the set decided, then the key and the explanation at once (the practice behaviour). */
    private Next recorded(Turn t, Paper set, Paper.Recorded answer) {
        PracticeStore.answered(t.h, set, answer, t.now);
        PaperQuestion q = answer.question();
        t.editTapped(Texts.format(Texts.PRACTICE_QUESTION, q.position() + 1, set.questionCount(), q.text()) + Texts.options(q.options()));
        t.say(feedback(q, answer.chosenIndex(), answer.correct()));
        if (answer.nextStage() == Paper.Stage.FINISHED) {
            t.say(Texts.format(Texts.PRACTICE_DONE, set.score() + answer.gain(), set.questionCount()));
            return Next.to(State.READY);
        }
        return Next.to(State.PRACTISING);
    }

    /** Right or wrong, the correct option in full, and the explanation with its source. */
    static String feedback(PaperQuestion q, int chosen, boolean right) {
        String correct = Texts.option(q.correctIndex(), q.options().get(q.correctIndex()));
        String explained = q.explanation() == null || q.explanation().isBlank() ? "" : Texts.format(Texts.EXPLANATION, q.explanation());
        return right ? Texts.format(Texts.PRACTICE_RIGHT, correct, explained)
                : Texts.format(Texts.PRACTICE_WRONG, String.valueOf(AnswerLetters.letter(chosen)), correct, explained);
    }
}
