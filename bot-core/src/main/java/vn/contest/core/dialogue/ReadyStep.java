package vn.contest.core.dialogue;

import vn.contest.core.message.Choice;
import java.util.List;

/** Registered and between papers: the menu. */
final class ReadyStep implements Step {
    static List<Choice> menu() {
        return List.of(new Choice(Tokens.START_ATTEMPT, Texts.START), new Choice(Tokens.RULES, Texts.RULES),
                new Choice(Tokens.RESULTS, Texts.RESULTS));
    }

    @Override
    public void prompt(Turn t) {
        t.say(Texts.MENU, menu());
    }

    @Override
    public void accept(Turn t) {
        if (t.choice().equals(Tokens.START_ATTEMPT)
                || t.said("thi", "bat dau", "bat dau thi", "vao thi", "lam bai", "thi tiep", "thi lai", "1", "start")) {
            AttemptFlow.start(t);
        } else {
            t.say(Texts.MENU_HINT, menu());
        }
    }
}
