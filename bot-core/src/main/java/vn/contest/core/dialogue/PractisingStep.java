package vn.contest.core.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.contest.core.attempt.DrawnQuestion;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.message.Choice;
import vn.contest.core.practice.PracticeSet;
import vn.contest.core.practice.PracticeStore;
import vn.contest.core.rules.Grading;
import vn.contest.core.text.AnswerLetters;

/**
 * "Luyện tập": a short set of questions with the key and explanation right after each answer. The set lives in
 * its own table ({@link PracticeStore}), so nothing the contest counts ever sees it; what it may draw is
 * {@link vn.contest.core.rules.PracticePool}'s to say.
 */
final class PractisingStep implements Step {
    static final List<String> STOP = List.of("dừng", "dừng luyện tập", "thôi", "kết thúc luyện tập", "stop");
    /** The menu's ways to start a paper, but "1": a digit is no answer letter, and no start either here. */
    static final List<String> START = ReadyStep.START.stream().filter(f -> !f.equals("1")).toList();

    /** Starts a set (the "luyện tập" command): registered people, outside a timed paper. */
    static Next start(Turn t) {
        if (!t.account.isRegistered()) {
            return t.aside(Texts.NOT_REGISTERED_PRACTICE);
        }
        if (t.account.state.isInAttempt()) {
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
        PracticeStore.open(t.h, t.account.id).ifPresent(set -> t.say(Texts.format(Texts.PRACTICE_STOPPED, set.correct(), set.position())));
        PracticeStore.stop(t.h, t.account.id, t.now);
    }

    @Override
    public void prompt(Turn t) {
        Optional<PracticeSet> open = PracticeStore.open(t.h, t.account.id);
        if (open.isEmpty()) {
            // Finished or stopped elsewhere (another turn of this chat): back to the menu.
            t.account.state = State.READY;
            t.reprompt();
            return;
        }
        PracticeSet set = open.get();
        DrawnQuestion q = question(t, set);
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            choices.add(new Choice(Tokens.practiceAnswer(set.id(), set.position(), i), String.valueOf(AnswerLetters.letter(i))));
        }
        t.say(Texts.format(Texts.PRACTICE_QUESTION, set.position() + 1, set.questionIds().size(), q.text()) + Texts.options(q.options())
                + "\n\n" + Texts.QUESTION_TYPE_HINT, choices);
    }

    @Override
    public Next accept(Turn t) {
        Optional<PracticeSet> open = PracticeStore.open(t.h, t.account.id);
        if (open.isEmpty()) {
            return Next.to(State.READY);
        }
        if (t.said(STOP)) {
            stop(t);
            return Next.to(State.READY);
        }
        if (t.choice().equals(Tokens.START_ATTEMPT) || t.said(START)) {
            // "thi" or a reminder's "Bắt đầu thi" button: the person wants a paper, not a hint about practice.
            stop(t);
            return AttemptFlow.start(t);
        }
        PracticeSet set = open.get();
        DrawnQuestion q = question(t, set);
        Optional<Tokens.Answer> token = Tokens.parsePracticeAnswer(t.choice());
        if (token.isEmpty() && t.choice().isEmpty()) {
            OptionalInt typed = AnswerLetters.parse(t.text());
            if (typed.isPresent()) {
                token = Optional.of(new Tokens.Answer(set.id(), set.position(), typed.getAsInt()));
            }
        }
        if (token.isEmpty() || token.get().optionIndex() >= q.options().size()) {
            t.say(Texts.format(Texts.ANSWER_HINT, AnswerLetters.letter(q.options().size() - 1)) + " Gõ \"dừng\" để dừng luyện tập.");
            prompt(t);
            return Next.STAY;
        }
        Tokens.Answer answer = token.get();
        if (answer.attemptId() != set.id() || answer.position() != set.position()) {
            t.editTapped(null);
            t.say(Texts.STALE_ANSWER);
            prompt(t);
            return Next.STAY;
        }
        boolean right = Grading.isCorrect(answer.optionIndex(), q.correctIndex());
        PracticeSet after = PracticeStore.answered(t.h, set, right, t.now);
        t.editTapped(Texts.format(Texts.PRACTICE_QUESTION, set.position() + 1, set.questionIds().size(), q.text()) + Texts.options(q.options()));
        t.say(feedback(q, answer.optionIndex(), right));
        if (after.position() >= after.questionIds().size()) {
            t.say(Texts.format(Texts.PRACTICE_DONE, after.correct(), after.questionIds().size()));
            return Next.to(State.READY);
        }
        return Next.to(State.PRACTISING);
    }

    /** Right or wrong, the correct option in full, and the explanation with its source. */
    static String feedback(DrawnQuestion q, int chosen, boolean right) {
        String correct = Texts.option(q.correctIndex(), q.options().get(q.correctIndex()));
        String explained = q.explanation() == null || q.explanation().isBlank() ? "" : Texts.format(Texts.EXPLANATION, q.explanation());
        return right ? Texts.format(Texts.PRACTICE_RIGHT, correct, explained)
                : Texts.format(Texts.PRACTICE_WRONG, String.valueOf(AnswerLetters.letter(chosen)), correct, explained);
    }

    private static DrawnQuestion question(Turn t, PracticeSet set) {
        return PaperDrawer.load(t.h, List.of(set.currentQuestionId())).get(set.currentQuestionId());
    }
}
