package vn.contest.core.dialogue;

import vn.contest.core.text.Folding;

final class NameStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.say(Texts.ASK_NAME);
    }

    @Override
    public Next accept(Turn t) {
        String name = Folding.tidy(t.text());
        boolean letters = name.matches("[\\p{L}\\p{M}' ]{2,80}");
        if (!letters || name.split(" ").length < 2) {
            t.say(Texts.NAME_HINT);
            return Next.STAY;
        }
        t.account.draft.fullName = capitalise(name);
        return Next.to(State.BIRTH_DATE);
    }

    /** "nguyễn văn an" -> "Nguyễn Văn An"; names typed in capitals stay as they are. */
    private static String capitalise(String name) {
        if (!name.equals(name.toLowerCase())) {
            return name;
        }
        StringBuilder b = new StringBuilder();
        for (String word : name.split(" ")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word.substring(0, 1).toUpperCase()).append(word.substring(1));
        }
        return b.toString();
    }
}
