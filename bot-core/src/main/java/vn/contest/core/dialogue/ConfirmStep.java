package vn.contest.core.dialogue;

import vn.contest.core.message.Choice;
import java.util.List;
import java.util.Optional;
import vn.contest.core.participant.Draft;
import vn.contest.core.participant.ParticipantStore;

/** The summary; confirming creates the participant (one per phone number, re-checked here). */
final class ConfirmStep implements Step {
    @Override
    public void prompt(Turn t) {
        Draft d = t.account.draft;
        t.say(Texts.format(Texts.CONFIRM, d.fullName, Texts.date(d.birthDate), d.phone,
                        d.idNumber == null ? "" : Texts.format(Texts.CONFIRM_ID, d.idNumber),
                        GroupStep.label(d.group), t.contest.unitLabel(d.unitId)),
                List.of(new Choice(Tokens.CONFIRM_YES, Texts.CONFIRM_BUTTON), new Choice(Tokens.CONFIRM_EDIT, Texts.EDIT_BUTTON)));
    }

    @Override
    public void accept(Turn t) {
        if (t.choice().equals(Tokens.CONFIRM_EDIT) || t.said("sua", "sua lai", "nhap lai", "khong")) {
            t.account.draft = new Draft();
            t.moveTo(State.NAME);
            return;
        }
        if (!t.choice().equals(Tokens.CONFIRM_YES) && !t.said("xac nhan", "dong y", "dung", "ok", "co")) {
            t.say(Texts.CONFIRM_HINT);
            prompt(t);
            return;
        }
        Draft d = t.account.draft;
        if (t.contest.config().exclusions().phones().contains(d.phone)
                || (d.idNumber != null && t.contest.config().exclusions().idNumbers().contains(d.idNumber))) {
            t.say(Texts.EXCLUDED);
            return;
        }
        Optional<Long> id = ParticipantStore.insert(t.h, t.contest.id(), d, t.account.referralUnitId, t.now);
        if (id.isEmpty()) {
            // Someone registered the same phone (or ID number) while this chat was confirming.
            t.say(Texts.PHONE_TAKEN);
            t.moveTo(State.PHONE);
            return;
        }
        t.account.participantId = id.get();
        t.account.draft = new Draft();
        t.say(Texts.REGISTERED);
        t.moveTo(State.READY);
    }
}
