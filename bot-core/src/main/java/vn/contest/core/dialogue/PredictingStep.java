package vn.contest.core.dialogue;

import java.util.OptionalLong;
import vn.contest.core.attempt.OpenPaper;
import vn.contest.core.attempt.Paper;
import vn.contest.core.text.PredictionNumbers;

/** The prediction (the tie-break) after a paper's last question; it closes the paper. */
final class PredictingStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.say(Texts.format(Texts.PREDICTION, t.timeLeft(), t.contest.config().paper().predictionQuestion()));
    }

    @Override
    public Next accept(Turn t) {
        OptionalLong prediction = PredictionNumbers.parse(t.text());
        if (prediction.isEmpty()) {
            t.say(Texts.PREDICTION_HINT);
            return Next.STAY;
        }
        OpenPaper open = t.openPaper().orElseThrow();
        Paper.Finish finish = open.paper().predict(prediction.getAsLong(), t.now);
        if (finish.reason() == Paper.Reason.TIMEOUT) {
            t.say(Texts.TIME_UP);
        }
        AttemptFlow.close(t, open.attempt(), finish);
        return Next.to(State.READY);
    }
}
