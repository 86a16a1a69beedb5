package vn.contest.core.bank.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two stems that share four in five of their words (Jaccard on the sets of words): the same question twice, or two
 * questions on one fact (a target for 2025 and for 2030) that a paper could draw together. Questions already in one
 * fact group are never drawn together, so they pass.
 */
final class NearDuplicateStems implements ItemRule {
    static final double SIMILARITY = 0.8;

    @Override
    public ItemCheck check() {
        return ItemCheck.NEAR_DUPLICATE;
    }

    @Override
    public void run(List<Item> items, List<ItemWarning> out) {
        List<Set<String>> words = items.stream().map(i -> (Set<String>) new LinkedHashSet<>(ItemText.words(i.text()))).toList();
        Map<String, Integer> frequency = new HashMap<>();
        words.forEach(ws -> ws.forEach(w -> frequency.merge(w, 1, Integer::sum)));
        Comparator<String> rarestFirst = Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder());
        // Prefix filtering: two sets this similar share a word among the first |s| - ceil(t|s|) + 1 rarest of each.
        Map<String, List<Integer>> prefixes = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> sorted = new ArrayList<>(words.get(i));
            sorted.sort(rarestFirst);
            int prefix = sorted.size() - (int) Math.ceil(SIMILARITY * sorted.size()) + 1;
            Set<Integer> seen = new HashSet<>();
            for (String w : sorted.subList(0, Math.min(prefix, sorted.size()))) {
                for (int j : prefixes.getOrDefault(w, List.of())) {
                    if (seen.add(j)) {
                        compare(items.get(j), words.get(j), items.get(i), words.get(i), out);
                    }
                }
                prefixes.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
        }
    }

    private void compare(Item first, Set<String> a, Item second, Set<String> b, List<ItemWarning> out) {
        if ((!first.inFile() && !second.inFile()) || first.sameGroup(second) || a.isEmpty()) {
            return;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        double similarity = (double) common.size() / (a.size() + b.size() - common.size());
        if (similarity < SIMILARITY) {
            return;
        }
        // The warning goes on the later row of the file, or on the file's row when the other is in the bank.
        Item at = second.inFile() ? second : first;
        Item other = at == second ? first : second;
        out.add(new ItemWarning(at.row(), check(), "câu hỏi gần trùng với " + other.where() + " (" + Math.round(similarity * 100)
                + "% số từ giống nhau). Nếu là hai câu về cùng một điều, ghi cùng một Nhóm để một đề không rút cả hai; "
                + "nếu là một câu, bỏ bớt một."));
    }
}
