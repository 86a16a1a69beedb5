package vn.contest.core.dialogue;

final class AnsweringStep implements Step {
    @Override
    public void prompt(Turn t) {
        AttemptFlow.promptQuestion(t);
    }

    @Override
    public void accept(Turn t) {
        AttemptFlow.answer(t);
    }
}
