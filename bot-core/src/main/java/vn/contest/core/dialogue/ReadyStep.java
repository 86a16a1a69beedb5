package vn.contest.core.dialogue;

import java.util.List;
import vn.contest.core.message.Choice;

/** Registered and between papers: the menu. */
final class ReadyStep implements Step {
    static final List<String> START = List.of("thi", "bắt đầu", "bắt đầu thi", "vào thi", "làm bài", "thi tiếp", "thi lại", "1", "start");

    /**
     * The menu's buttons (Zalo shows at most five): "Nhận nhắc nhở" while the contest has reminders this chat
     * has not asked for; on the web, where a computer may be shared, also "Đăng xuất".
     */
    static List<Choice> menu(Turn t) {
        List<Choice> menu = new java.util.ArrayList<>(List.of(new Choice(Tokens.START_ATTEMPT, Texts.START),
                new Choice(Tokens.PRACTICE, Texts.PRACTICE), new Choice(Tokens.RULES, Texts.RULES), new Choice(Tokens.RESULTS, Texts.RESULTS)));
        if (t.contest.config().reminders().any() && t.account.isRegistered() && !t.account.reminders) {
            menu.add(new Choice(Tokens.REMINDERS_ON, Texts.REMINDERS_YES_BUTTON));
        }
        if (t.account.chat.isWeb() && t.account.isRegistered()) {
            menu.add(new Choice(Tokens.LOGOUT, Texts.LOGOUT_BUTTON));
        }
        if (t.offered.size() > 1 && menu.size() < ContestFocus.MOST_BUTTONS) {
            menu.add(new Choice(Tokens.CONTESTS, Texts.OTHER_CONTESTS));
        }
        return menu;
    }

    @Override
    public void prompt(Turn t) {
        t.say(Texts.MENU, menu(t));
    }

    @Override
    public Next accept(Turn t) {
        if (Tokens.isStartAttempt(t.choice()) || t.said(START)) {
            return AttemptFlow.start(t);
        }
        t.say(Texts.MENU_HINT, menu(t));
        return Next.STAY;
    }
}
