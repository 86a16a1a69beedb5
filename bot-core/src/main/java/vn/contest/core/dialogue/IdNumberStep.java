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
        var holder = ParticipantStore.holderOfIdNumber(t.h, t.contest.id(), digits);
        // The typed record whose phone this (verified) person is claiming may hold it too: it is set aside at confirm.
        boolean claimedWithThePhone = holder.isPresent() && t.account.draft.phoneVerifiedVia != null
                && !holder.get().verified() && holder.get().phone().equals(t.account.draft.phone);
        if (holder.isPresent() && !claimedWithThePhone) {
            t.say(Texts.ID_NUMBER_TAKEN);
            return Next.STAY;
        }
        t.account.draft.idNumber = digits;
        return Next.to(State.GROUP);
    }
}
