package vn.contest.core.rules;

import java.util.Optional;
import vn.contest.core.participant.ParticipantStore.PhoneOwner;

/**
 * What a phone given at registration means, given who holds it now. A verified phone (a platform's contact,
 * a one-time code) never joins a chat to a record whose phone was only typed: the verified person gets the
 * number, and the typed record is set aside for the committee.
 */
public enum PhoneClaim {
    /** No one holds the number: register with it. */
    FREE,
    /** A verified holder, and verified again here: the same person on another channel; link this chat. */
    SAME_PERSON,
    /** A typed-only holder, and verified here: the verified person registers; the typed record is disputed. */
    CLAIMS_TYPED,
    /** Someone holds it and this phone is only typed: refused. */
    TAKEN;

    public static PhoneClaim of(Optional<PhoneOwner> holder, boolean verifiedHere) {
        if (holder.isEmpty()) {
            return FREE;
        }
        if (!verifiedHere) {
            return TAKEN;
        }
        return holder.get().verified() ? SAME_PERSON : CLAIMS_TYPED;
    }
}
