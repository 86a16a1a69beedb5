package vn.contest.core.dialogue;

import java.util.List;
import vn.contest.core.message.Choice;
import vn.contest.core.text.PhoneNumbers;
import vn.contest.core.verify.PhoneCodes;

/** The one-time code sent through Zalo to a phone typed on the web; or resend it, skip it, or change the number. */
final class PhoneCodeStep implements Step {
    static final List<String> RESEND = List.of("gửi lại", "gửi lại mã", "gui lai");
    static final List<String> SKIP = List.of("bỏ qua", "bo qua", "không nhận được");
    static final List<String> CHANGE = List.of("đổi số", "sửa số", "nhập số khác");

    /** The ways on from this step, offered with every answer to it. */
    static List<Choice> choices() {
        return List.of(new Choice(Tokens.CODE_RESEND, Texts.CODE_RESEND_BUTTON), new Choice(Tokens.CODE_SKIP, Texts.CODE_SKIP_BUTTON),
                new Choice(Tokens.CODE_CHANGE, Texts.CODE_CHANGE_BUTTON));
    }

    @Override
    public void prompt(Turn t) {
        t.say(Texts.format(Texts.ASK_CODE, PhoneNumbers.mask(t.account.draft.phone), PhoneCodes.VALID.toMinutes()), choices());
    }

    @Override
    public Next accept(Turn t) {
        String phone = t.account.draft.phone;
        if (t.choice().equals(Tokens.CODE_RESEND) || t.said(RESEND)) {
            if (PhoneStep.sendCode(t)) {
                t.say(Texts.CODE_SENT_AGAIN, choices());
            }
            return Next.STAY;
        }
        if (t.choice().equals(Tokens.CODE_SKIP) || t.said(SKIP)) {
            return PhoneStep.settle(t, phone, null).orElse(Next.to(State.PHONE));
        }
        if (t.choice().equals(Tokens.CODE_CHANGE) || t.said(CHANGE)) {
            t.account.draft.phone = null;
            return Next.to(State.PHONE);
        }
        String digits = t.text().replaceAll("[\\s.\\-]", "");
        if (!digits.matches("\\d{6}")) {
            t.say(Texts.CODE_HINT, choices());
            return Next.STAY;
        }
        PhoneCodes.Checked checked = PhoneCodes.check(t.h, t.account.id, phone, digits, t.now);
        switch (checked.outcome()) {
            case ACCEPTED -> {
                return PhoneStep.settle(t, phone, "web_code").orElse(Next.to(State.PHONE));
            }
            case WRONG -> t.say(Texts.format(Texts.CODE_WRONG, checked.triesLeft()), choices());
            case EXPIRED, NONE -> t.say(Texts.CODE_EXPIRED, choices());
            case NO_TRIES_LEFT -> t.say(Texts.format(Texts.CODE_NO_TRIES_LEFT, PhoneCodes.MAX_TRIES), choices());
        }
        return Next.STAY;
    }
}
