package vn.contest.core.dialogue;

import vn.contest.core.participant.ParticipantStore;

/** The ID number (CCCD, 12 digits; old CMND, 9), asked only when the contest file says so. */
final class IdNumberStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.say(Texts.ASK_ID_NUMBER);
    }

    @Override
    public void accept(Turn t) {
        String digits = t.text().replaceAll("[\\s.\\-]", "");
        if (!digits.matches("\\d{12}|\\d{9}")) {
            t.say(Texts.ID_NUMBER_HINT);
            return;
        }
        if (t.contest.config().exclusions().idNumbers().contains(digits)) {
            t.say(Texts.EXCLUDED);
            return;
        }
        if (ParticipantStore.idByIdNumber(t.h, t.contest.id(), digits).isPresent()) {
            t.say(Texts.ID_NUMBER_TAKEN);
            return;
        }
        t.account.draft.idNumber = digits;
        t.moveTo(State.GROUP);
    }
}
