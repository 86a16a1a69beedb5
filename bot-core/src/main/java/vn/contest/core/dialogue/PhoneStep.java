package vn.contest.core.dialogue;

import java.util.Optional;
import vn.contest.core.participant.Draft;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.rules.Eligibility;
import vn.contest.core.text.PhoneNumbers;

/** Mobile number, typed or shared through the platform; one participant per number; committee refused. */
final class PhoneStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.askPhone(Texts.ASK_PHONE);
    }

    @Override
    public Next accept(Turn t) {
        String raw = t.in.sharedPhone() != null ? t.in.sharedPhone() : t.text();
        Optional<String> phone = PhoneNumbers.normalize(raw);
        if (phone.isEmpty()) {
            t.say(Texts.PHONE_HINT);
            return Next.STAY;
        }
        if (new Eligibility(t.contest.config()).excluded(phone.get(), null)) {
            t.say(Texts.EXCLUDED);
            return Next.STAY;
        }
        Optional<Long> owner = ParticipantStore.idByPhone(t.h, t.contest.id(), phone.get());
        if (owner.isPresent() && t.in.sharedPhone() != null && t.in.phoneVerified()) {
            // The platform vouches this is the sender's own number: the same person on another channel.
            t.account.participantId = owner.get();
            t.account.draft = new Draft();
            t.say(Texts.format(Texts.LINKED, t.participant().fullName()));
            return Next.to(State.READY);
        }
        if (owner.isPresent()) {
            t.say(Texts.PHONE_TAKEN);
            return Next.STAY;
        }
        t.account.draft.phone = phone.get();
        t.account.draft.phoneVerified = t.in.sharedPhone() != null && t.in.phoneVerified();
        return Next.to(t.contest.config().registration().askIdNumber() ? State.ID_NUMBER : State.GROUP);
    }
}
