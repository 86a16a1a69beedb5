package vn.contest.core.dialogue;

import vn.contest.core.message.Choice;
import java.util.List;
import java.util.Optional;
import vn.contest.core.participant.Draft;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.report.ParticipationCounts;
import vn.contest.core.rules.Eligibility;
import vn.contest.core.rules.PhoneClaim;

/** The summary; confirming creates the participant (one per phone number, re-checked here). */
final class ConfirmStep implements Step {
    static final List<String> YES = List.of("xác nhận", "đồng ý", "đúng", "ok", "có");
    static final List<String> EDIT = List.of("sửa", "sửa lại", "nhập lại", "không");

    @Override
    public void prompt(Turn t) {
        Draft d = t.account.draft;
        t.say(Texts.format(Texts.CONFIRM, d.fullName, Texts.date(d.birthDate), d.phone,
                        d.idNumber == null ? "" : Texts.format(Texts.CONFIRM_ID, d.idNumber),
                        GroupStep.label(t, d.group), t.contest.unitLabel(d.unitId)),
                List.of(new Choice(Tokens.CONFIRM_YES, Texts.CONFIRM_BUTTON), new Choice(Tokens.CONFIRM_EDIT, Texts.EDIT_BUTTON)));
    }

    @Override
    public Next accept(Turn t) {
        if (t.choice().equals(Tokens.CONFIRM_EDIT) || t.said(EDIT)) {
            t.account.draft = new Draft();
            return Next.to(State.NAME);
        }
        if (!t.choice().equals(Tokens.CONFIRM_YES) && !t.said(YES)) {
            t.say(Texts.CONFIRM_HINT);
            prompt(t);
            return Next.STAY;
        }
        return register(t);
    }

    /** Creates the participant from the draft (one per phone number, re-checked here); READY, or back to PHONE. */
    static Next register(Turn t) {
        Draft d = t.account.draft;
        if (new Eligibility(t.contest.config()).excluded(d.phone, d.idNumber)) {
            t.say(Texts.EXCLUDED);
            return Next.STAY;
        }
        // The number's holder may have changed since the phone step: a verified number sets a typed holder aside.
        Optional<Long> disputed = Optional.empty();
        if (d.phoneVerifiedVia != null
                && PhoneClaim.of(ParticipantStore.ownerOf(t.h, t.contest.id(), d.phone), true) == PhoneClaim.CLAIMS_TYPED) {
            disputed = ParticipantStore.disputeTypedHolder(t.h, t.contest.id(), d.phone, t.now);
        }
        Optional<Long> id = ParticipantStore.insert(t.h, t.contest.id(), d, t.account.referralUnitId,
                t.in == null ? null : t.in.clientAddress(), t.now);
        if (id.isEmpty()) {
            // Someone registered the same phone (or ID number) while this chat was confirming.
            disputed.ifPresent(typed -> ParticipantStore.undoDispute(t.h, typed));
            t.say(Texts.PHONE_TAKEN);
            return Next.to(State.PHONE);
        }
        disputed.ifPresent(typed -> ParticipantStore.setDisputedBy(t.h, typed, id.get()));
        ParticipationCounts.registered(t.h, id.get(), t.contest.config().timezone());
        t.account.participantId = id.get();
        t.account.draft = new Draft();
        // The deadline said early: a platform's reply window may keep a reminder from reaching the person later.
        t.say(Texts.REGISTERED + t.contest.openRound(t.now).or(() -> t.contest.nextRound(t.now))
                .map(r -> "\n" + Texts.format(Texts.ROUND_DEADLINE, r.name(), Texts.dateTime(r.closesAt(), t.contest.config().zone())))
                .orElse(""));
        if (t.contest.config().reminders().any()) {
            // Offered, never assumed: the menu carries a "Nhận nhắc nhở" button until the person takes it.
            t.say(Texts.format(Texts.ASK_REMINDERS, t.contest.config().reminders().hoursBeforeRoundCloses().stream()
                    .map(h -> h + " giờ").collect(java.util.stream.Collectors.joining(" và "))));
        }
        return Next.to(State.READY);
    }
}
