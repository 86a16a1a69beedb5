package vn.contest.core.dialogue;

import java.util.List;
import java.util.stream.Collectors;
import vn.contest.core.message.Choice;

/** Right after registering, when the contest sends reminders: does this chat want them (opt-in)? */
final class RemindersStep implements Step {
    static final List<String> YES = List.of("có", "nhận", "nhận nhắc nhở", "đồng ý", "ok", "yes");
    static final List<String> NO = List.of("không", "không cảm ơn", "không, cảm ơn", "không nhận", "no");

    /** Where registering leads: this question when the contest has reminders, else the menu. */
    static State after(Turn t) {
        return t.contest.config().reminders().any() ? State.REMINDERS : State.READY;
    }

    @Override
    public void prompt(Turn t) {
        String when = t.contest.config().reminders().hoursBeforeRoundCloses().stream().map(h -> h + " giờ")
                .collect(Collectors.joining(" và "));
        t.say(Texts.format(Texts.ASK_REMINDERS, when), List.of(new Choice(Tokens.REMINDERS_ON, Texts.REMINDERS_YES_BUTTON),
                new Choice(Tokens.REMINDERS_OFF, Texts.REMINDERS_NO_BUTTON)));
    }

    @Override
    public Next accept(Turn t) {
        boolean yes = t.choice().equals(Tokens.REMINDERS_ON) || t.said(YES);
        if (!yes && !t.choice().equals(Tokens.REMINDERS_OFF) && !t.said(NO)) {
            t.say(Texts.REMINDERS_HINT);
            prompt(t);
            return Next.STAY;
        }
        t.account.reminders = yes;
        t.say(yes ? Texts.REMINDERS_ON : Texts.REMINDERS_OFF);
        return Next.to(State.READY);
    }
}
