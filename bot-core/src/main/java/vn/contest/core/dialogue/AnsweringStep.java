package vn.contest.core.dialogue;

final class AnsweringStep implements Step {
    @Override
    public void prompt(Turn t) {
        AttemptFlow.promptQuestion(t);
    }

    @Override
    public Next accept(Turn t) {
        return AttemptFlow.answer(t);
    }
}
