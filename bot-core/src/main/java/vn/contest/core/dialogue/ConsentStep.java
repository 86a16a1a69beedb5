package vn.contest.core.dialogue;

import java.util.List;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.message.Choice;

/** Welcome, the contest's window, and consent to personal-data processing (Nghị định 13/2023/NĐ-CP). */
final class ConsentStep implements Step {
    static final List<String> YES = List.of("đồng ý", "tôi đồng ý", "đồng ý tham gia", "có", "ok", "yes", "1");
    static final List<String> NO = List.of("không", "không đồng ý", "no", "2");

    @Override
    public void prompt(Turn t) {
        ContestConfig c = t.contest.config();
        t.say(Texts.format(Texts.WELCOME, c.title(), c.organizer() == null ? "" : c.organizer(),
                Texts.dateTime(t.contest.opensAt(), c.zone()), Texts.dateTime(t.contest.closesAt(), c.zone())));
        String residency = c.eligibility().residencyStatement() == null ? ""
                : "Khi đồng ý, bạn cũng xác nhận: " + c.eligibility().residencyStatement();
        t.say(Texts.format(Texts.CONSENT, residency), List.of(
                new Choice(Tokens.CONSENT_YES, Texts.YES), new Choice(Tokens.CONSENT_NO, Texts.NO),
                new Choice(Tokens.RULES, Texts.RULES)));
    }

    @Override
    public Next accept(Turn t) {
        if (t.choice().equals(Tokens.CONSENT_YES) || t.said(YES)) {
            return Next.to(State.NAME);
        }
        if (t.choice().equals(Tokens.CONSENT_NO) || t.said(NO)) {
            t.say(Texts.CONSENT_DECLINED, List.of(new Choice(Tokens.CONSENT_YES, Texts.YES)));
        } else {
            t.say(Texts.CONSENT_HINT, List.of(new Choice(Tokens.CONSENT_YES, Texts.YES), new Choice(Tokens.RULES, Texts.RULES)));
        }
        return Next.STAY;
    }
}
