package vn.contest.core.dialogue;

import vn.contest.core.message.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.contest.core.contest.Unit;
import vn.contest.core.text.Folding;

/**
 * The unit from the contest's fixed tree: first a department or district, then (if it has any) one of its
 * communes or "directly under" it. Numbers in the list work as well as buttons and names.
 */
final class UnitStep implements Step {
    static final List<String> BACK = List.of("quay lại", "trở lại", "back");

    @Override
    public void prompt(Turn t) {
        Long parentId = t.account.draft.unitParentId;
        List<Choice> choices = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (parentId == null) {
            Optional<Unit> referral = Optional.ofNullable(t.account.referralUnitId).flatMap(t.contest::unit);
            if (referral.isPresent()) {
                String label = "✔ " + referral.get().name();
                text.append(Texts.format(Texts.REFERRAL_UNIT, t.contest.unitLabel(referral.get().id()), label)).append("\n\n");
                choices.add(new Choice(Tokens.unit(referral.get().id()), label));
            }
            text.append(Texts.ASK_UNIT);
        } else {
            text.append(Texts.format(Texts.ASK_SUB_UNIT, t.contest.unit(parentId).map(Unit::name).orElse("")));
        }
        List<Unit> listed = listed(t);
        for (int i = 0; i < listed.size(); i++) {
            String label = labelOf(t, listed.get(i));
            text.append('\n').append(i + 1).append(". ").append(label);
            choices.add(new Choice(Tokens.unit(listed.get(i).id()), (i + 1) + ". " + label));
        }
        if (parentId != null) {
            choices.add(new Choice(Tokens.UNIT_BACK, Texts.BACK));
        }
        t.say(text.toString(), choices);
    }

    @Override
    public Next accept(Turn t) {
        if (t.choice().equals(Tokens.UNIT_BACK) || t.said(BACK)) {
            t.account.draft.unitParentId = null;
            prompt(t);
            return Next.STAY;
        }
        Optional<Unit> chosen = Tokens.parseUnit(t.choice()).flatMap(t.contest::unit).or(() -> typed(t));
        if (chosen.isEmpty()) {
            t.say(Texts.UNIT_HINT);
            prompt(t);
            return Next.STAY;
        }
        Unit unit = chosen.get();
        boolean pickingSelf = t.account.draft.unitParentId != null && t.account.draft.unitParentId == unit.id();
        if (!pickingSelf && !t.contest.children(unit.id()).isEmpty()) {
            t.account.draft.unitParentId = unit.id();
            prompt(t);
            return Next.STAY;
        }
        t.account.draft.unitParentId = null;
        t.account.draft.unitId = unit.id();
        // A returning person confirmed who they are already: no summary to confirm again.
        return t.account.draft.personId != null ? ConfirmStep.register(t) : Next.to(State.CONFIRM);
    }

    /** The units on screen now: top-level ones, or the chosen district itself followed by its communes. */
    private static List<Unit> listed(Turn t) {
        Long parentId = t.account.draft.unitParentId;
        if (parentId == null) {
            return t.contest.topUnits();
        }
        List<Unit> units = new ArrayList<>();
        t.contest.unit(parentId).ifPresent(units::add);
        units.addAll(t.contest.children(parentId));
        return units;
    }

    private static String labelOf(Turn t, Unit u) {
        Long parentId = t.account.draft.unitParentId;
        return parentId != null && parentId == u.id() ? Texts.format(Texts.SUB_UNIT_SELF, u.name()) : u.name();
    }

    private static Optional<Unit> typed(Turn t) {
        List<Unit> listed = listed(t);
        String f = t.folded();
        if (f.matches("\\d{1,3}")) {
            int n = Integer.parseInt(f);
            return n >= 1 && n <= listed.size() ? Optional.of(listed.get(n - 1)) : Optional.empty();
        }
        if (f.length() < 3) {
            return Optional.empty();
        }
        Optional<Unit> exact = listed.stream().filter(u -> Folding.fold(u.name()).equals(f)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Unit> containing = listed.stream().filter(u -> Folding.fold(u.name()).contains(f)).toList();
        return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
    }
}
