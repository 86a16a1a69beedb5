package vn.contest.core.dialogue;

final class PredictingStep implements Step {
    @Override
    public void prompt(Turn t) {
        AttemptFlow.promptPrediction(t);
    }

    @Override
    public Next accept(Turn t) {
        return AttemptFlow.predict(t);
    }
}
