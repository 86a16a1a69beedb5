package vn.contest.core.dialogue;

import vn.contest.core.message.Choice;
import java.util.List;
import java.util.Optional;

/** Group 1: officials, civil servants, public employees and armed forces; group 2: citizens. */
final class GroupStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.say(Texts.ASK_GROUP, List.of(
                new Choice(Tokens.group(1), "1. " + Texts.GROUP_1), new Choice(Tokens.group(2), "2. " + Texts.GROUP_2)));
    }

    @Override
    public void accept(Turn t) {
        Optional<Integer> group = Tokens.parseGroup(t.choice());
        if (group.isEmpty()) {
            String f = t.folded();
            if (f.matches("(nhom )?1|can bo.*|cong chuc.*|vien chuc.*|llvt|luc luong vu trang")) {
                group = Optional.of(1);
            } else if (f.matches("(nhom )?2|nhan dan|nguoi dan|dan|hoc sinh|sinh vien")) {
                group = Optional.of(2);
            }
        }
        if (group.isEmpty()) {
            prompt(t);
            return;
        }
        t.account.draft.group = group.get();
        t.moveTo(State.UNIT);
    }

    static String label(int group) {
        return group == 1 ? Texts.GROUP_1 : Texts.GROUP_2;
    }
}
