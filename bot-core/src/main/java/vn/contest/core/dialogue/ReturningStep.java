package vn.contest.core.dialogue;

import java.util.List;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.message.Choice;
import vn.contest.core.participant.Draft;
import vn.contest.core.participant.Participant;
import vn.contest.core.rules.Eligibility;

/**
 * A person registered in another contest from this chat joins this one: "Bạn là Nguyễn Thị Hoa, sinh ngày
 * 15/08/1990?" with this contest's consent, confirmed in one tap; then only this contest's group and unit are
 * asked. "Không phải tôi" (a shared computer, a borrowed phone) registers someone new.
 */
final class ReturningStep implements Step {
    static final List<String> YES = List.of("xác nhận", "đúng", "đúng rồi", "đồng ý", "có", "ok");
    static final List<String> NO = List.of("không phải tôi", "không phải", "không", "người khác");

    /** Starts a returning person's registration in this contest from their row in another. */
    static void fillFrom(Turn t, Participant elsewhere, long personId) {
        Draft d = new Draft();
        d.fullName = elsewhere.fullName();
        d.birthDate = elsewhere.birthDate();
        d.phone = elsewhere.phone();
        d.phoneVerifiedVia = elsewhere.phoneVerifiedVia();
        d.idNumber = elsewhere.idNumber();
        d.personId = personId;
        t.account.draft = d;
    }

    @Override
    public void prompt(Turn t) {
        ContestConfig c = t.contest.config();
        Draft d = t.account.draft;
        t.say(Texts.format(Texts.WELCOME, c.title(), c.organizer() == null ? "" : c.organizer(),
                Texts.dateTime(t.contest.opensAt(), c.zone()), Texts.dateTime(t.contest.closesAt(), c.zone())));
        String residency = c.eligibility().residencyStatement() == null ? "" : " " + c.eligibility().residencyStatement();
        t.say(Texts.format(Texts.RETURNING, d.fullName, Texts.date(d.birthDate), residency),
                List.of(new Choice(Tokens.RETURNING_YES, Texts.RETURNING_YES_BUTTON), new Choice(Tokens.RETURNING_NO, Texts.RETURNING_NO_BUTTON),
                        new Choice(Tokens.RULES, Texts.RULES)));
    }

    @Override
    public Next accept(Turn t) {
        if (t.choice().equals(Tokens.RETURNING_NO) || t.said(NO)) {
            t.account.draft = new Draft();
            return Next.to(State.CONSENT);
        }
        if (!t.choice().equals(Tokens.RETURNING_YES) && !t.said(YES)) {
            t.say(Texts.RETURNING_HINT);
            prompt(t);
            return Next.STAY;
        }
        Draft d = t.account.draft;
        Eligibility eligibility = new Eligibility(t.contest.config());
        if (!eligibility.oldEnough(d.birthDate)) {
            t.say(Texts.format(Texts.TOO_YOUNG, eligibility.minAge(), Texts.date(eligibility.ageCountedOn())));
            return Next.STAY;
        }
        if (eligibility.excluded(d.phone, d.idNumber)) {
            t.say(Texts.EXCLUDED);
            return Next.STAY;
        }
        // The phone as this contest's holder allows (a verified phone keeps its trust; a typed one never joins a verified record).
        return PhoneStep.settle(t, d.phone, d.phoneVerifiedVia).orElse(Next.STAY);
    }
}
