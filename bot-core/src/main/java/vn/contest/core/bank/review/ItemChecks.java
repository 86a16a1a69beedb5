package vn.contest.core.bank.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.contest.core.bank.QuestionDraft;

/** Runs every item check over a file's rows, compared with the bank, and keeps the warnings no row acknowledged. */
public final class ItemChecks {
    static final List<ItemRule> RULES = List.of(new LongKey(), new AbsoluteDistractors(), new KeyInAnotherStem(),
            new PracticeStatesKey(), new NearDuplicateStems());

    private ItemChecks() {}

    /** The unacknowledged warnings on {@code rows}, by row; {@code bank} holds the questions already stored. */
    public static List<ItemWarning> review(List<QuestionDraft> rows, List<Item> bank) {
        List<Item> items = new ArrayList<>();
        rows.forEach(d -> items.add(Item.of(d)));
        items.addAll(bank);
        List<ItemWarning> found = new ArrayList<>();
        RULES.forEach(rule -> rule.run(items, found));
        java.util.Map<Integer, Item> byRow = new java.util.HashMap<>();
        items.stream().filter(Item::inFile).forEach(i -> byRow.put(i.row(), i));
        return found.stream()
                .filter(w -> !byRow.get(w.row()).acknowledged().contains(w.check()))
                .distinct()
                .sorted(Comparator.comparingInt(ItemWarning::row).thenComparing(ItemWarning::check))
                .toList();
    }
}
