package vn.contest.core.dialogue;

import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.rules.Eligibility;

/** The ID number (CCCD, 12 digits; old CMND, 9), asked only when the contest file says so. */
final class IdNumberStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.say(Texts.ASK_ID_NUMBER);
    }

    @Override
    public Next accept(Turn t) {
        String digits = t.text().replaceAll("[\\s.\\-]", "");
        if (!digits.matches("\\d{12}|\\d{9}")) {
            t.say(Texts.ID_NUMBER_HINT);
            return Next.STAY;
        }
        if (new Eligibility(t.contest.config()).excluded(null, digits)) {
            t.say(Texts.EXCLUDED);
            return Next.STAY;
        }
        if (ParticipantStore.idByIdNumber(t.h, t.contest.id(), digits).isPresent()) {
            t.say(Texts.ID_NUMBER_TAKEN);
            return Next.STAY;
        }
        t.account.draft.idNumber = digits;
        return Next.to(State.GROUP);
    }
}
