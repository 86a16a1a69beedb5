package vn.contest.core.dialogue;

import java.util.Optional;
import vn.contest.core.participant.Draft;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.participant.ParticipantStore.PhoneOwner;
import vn.contest.core.rules.Eligibility;
import vn.contest.core.rules.PhoneClaim;
import vn.contest.core.text.PhoneNumbers;
import vn.contest.core.verify.CodeBudget;
import vn.contest.core.verify.PhoneCodes;

/**
 * Mobile number, typed or shared through the platform; committee refused. A platform's own contact counts as
 * verified; on the web a typed number is proved with a one-time code when the Zalo channel can send one.
 * Who then gets the number is {@link PhoneClaim}'s rule.
 */
final class PhoneStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.askPhone(Texts.ASK_PHONE);
    }

    @Override
    public Next accept(Turn t) {
        if (t.choice().equals(Tokens.CODE_SKIP) && t.account.draft.phone != null) {
            // No code could be sent (a limit): going on unverified with the number given.
            return settle(t, t.account.draft.phone, null).orElse(Next.STAY);
        }
        if (t.choice().equals(Tokens.CODE_RESEND) && t.account.draft.phone != null && t.canSendCodes()) {
            // The button offered with a limit's refusal, tapped after the wait (an office behind one address waits a few minutes).
            return sendCode(t) ? Next.to(State.PHONE_CODE) : Next.STAY;
        }
        if (t.choice().equals(Tokens.CODE_CHANGE) || t.said(PhoneCodeStep.CHANGE)) {
            t.account.draft.phone = null;
            prompt(t);
            return Next.STAY;
        }
        boolean shared = t.in != null && t.in.sharedPhone() != null;
        Optional<String> phone = PhoneNumbers.normalize(shared ? t.in.sharedPhone() : t.text());
        if (phone.isEmpty()) {
            t.say(Texts.PHONE_HINT);
            return Next.STAY;
        }
        if (new Eligibility(t.contest.config()).excluded(phone.get(), null)) {
            t.say(Texts.EXCLUDED);
            return Next.STAY;
        }
        if (shared && t.in.phoneVerified()) {
            return settle(t, phone.get(), t.account.chat.channel()).orElse(Next.STAY);
        }
        if (t.canSendCodes()) {
            t.account.draft.phone = phone.get();
            t.account.draft.phoneVerifiedVia = null;
            return sendCode(t) ? Next.to(State.PHONE_CODE) : Next.STAY;
        }
        return settle(t, phone.get(), null).orElse(Next.STAY);
    }

    /** Sends a code to the draft's phone (after the turn commits); false, naming the limit reached, when none may go. */
    static boolean sendCode(Turn t) {
        PhoneCodes.Issue issue = PhoneCodes.issue(t.h, t.account.id, t.account.draft.phone, t.in == null ? null : t.in.clientAddress(),
                t.codeBudget(), t.now);
        if (issue instanceof PhoneCodes.Refused refused) {
            t.say(refusal(refused, t.codeBudget()), PhoneCodeStep.choices());
            return false;
        }
        t.sendCode(t.account.draft.phone, ((PhoneCodes.Issued) issue).code());
        return true;
    }

    /** The limit that was reached, in the person's words: a number's, a chat's, a network's or the day's. */
    static String refusal(PhoneCodes.Refused refused, CodeBudget budget) {
        return switch (refused.limit()) {
            case PHONE -> Texts.format(Texts.CODE_LIMIT, refused.allowed());
            case CHAT -> Texts.format(Texts.CODE_LIMIT_CHAT, refused.allowed(), refused.allowed());
            case ADDRESS -> Texts.format(Texts.CODE_LIMIT_ADDRESS, refused.allowed(), budget.addressWindow().toMinutes(),
                    Math.max(1, (refused.retryAfter().toSeconds() + 59) / 60));
            case DAILY -> Texts.CODE_LIMIT_DAILY;
        };
    }

    /**
     * Registration goes on with this phone, verified {@code via} a channel or code (null: only typed), as its
     * current holder allows; empty when the number is taken (the person has been told).
     */
    static Optional<Next> settle(Turn t, String phone, String via) {
        Optional<PhoneOwner> holder = ParticipantStore.ownerOf(t.h, t.contest.id(), phone);
        switch (PhoneClaim.of(holder, via != null)) {
            case TAKEN -> {
                t.say(Texts.PHONE_TAKEN);
                return Optional.empty();
            }
            case SAME_PERSON -> {
                // Verified here and verified there: the same person on another channel.
                t.account.participantId = holder.get().id();
                t.account.draft = new Draft();
                t.say(Texts.format(Texts.LINKED, t.participant().fullName()));
                return Optional.of(Next.to(State.READY));
            }
            case CLAIMS_TYPED -> t.say(Texts.PHONE_CLAIMED);
            case FREE -> { }
        }
        t.account.draft.phone = phone;
        t.account.draft.phoneVerifiedVia = via;
        return Optional.of(Next.to(t.contest.config().registration().askIdNumber() ? State.ID_NUMBER : State.GROUP));
    }
}
