package vn.contest.core.dialogue;

import java.util.List;
import vn.contest.core.message.Choice;

/** Registered and between papers: the menu. */
final class ReadyStep implements Step {
    static final List<String> START = List.of("thi", "bắt đầu", "bắt đầu thi", "vào thi", "làm bài", "thi tiếp", "thi lại", "1", "start");

    static List<Choice> menu() {
        return List.of(new Choice(Tokens.START_ATTEMPT, Texts.START), new Choice(Tokens.RULES, Texts.RULES),
                new Choice(Tokens.RESULTS, Texts.RESULTS));
    }

    @Override
    public void prompt(Turn t) {
        t.say(Texts.MENU, menu());
    }

    @Override
    public Next accept(Turn t) {
        if (t.choice().equals(Tokens.START_ATTEMPT) || t.said(START)) {
            return AttemptFlow.start(t);
        }
        t.say(Texts.MENU_HINT, menu());
        return Next.STAY;
    }
}
