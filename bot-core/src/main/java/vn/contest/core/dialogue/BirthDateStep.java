package vn.contest.core.dialogue;

import java.time.LocalDate;
import java.util.Optional;
import vn.contest.core.rules.Eligibility;
import vn.contest.core.text.BirthDates;

/** Birth date; the contest's minimum age is checked on its first day. */
final class BirthDateStep implements Step {
    @Override
    public void prompt(Turn t) {
        t.say(Texts.ASK_BIRTH_DATE);
    }

    @Override
    public Next accept(Turn t) {
        Optional<LocalDate> date = BirthDates.parse(t.text());
        if (date.isEmpty()) {
            t.say(t.text().matches(".*\\d.*\\d.*") ? Texts.BIRTH_DATE_IMPOSSIBLE : Texts.BIRTH_DATE_HINT);
            return Next.STAY;
        }
        LocalDate birth = date.get();
        LocalDate today = t.now.atZone(t.contest.config().zone()).toLocalDate();
        if (birth.isAfter(today) || birth.getYear() < today.getYear() - 120) {
            t.say(Texts.BIRTH_DATE_IMPOSSIBLE);
            return Next.STAY;
        }
        Eligibility eligibility = new Eligibility(t.contest.config());
        if (!eligibility.oldEnough(birth)) {
            t.say(Texts.format(Texts.TOO_YOUNG, eligibility.minAge(), Texts.date(eligibility.ageCountedOn())));
            return Next.STAY;
        }
        t.account.draft.birthDate = birth;
        return Next.to(State.PHONE);
    }
}
