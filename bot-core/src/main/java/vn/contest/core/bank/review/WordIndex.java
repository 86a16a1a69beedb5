package vn.contest.core.bank.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which texts hold which words, so that a check compares a key only with the texts that could say it, not with every
 * question of a 10,000-row file.
 */
final class WordIndex {
    private final Map<String, List<Integer>> postings = new HashMap<>();

    WordIndex(List<List<String>> texts) {
        for (int i = 0; i < texts.size(); i++) {
            for (String w : new LinkedHashSet<>(texts.get(i))) {
                postings.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
        }
    }

    /**
     * The texts that hold at least one of the {@code missable + 1} rarest words of {@code words}: any text that says
     * all of them but {@code missable} is among these.
     */
    Set<Integer> candidates(List<String> words, int missable) {
        List<String> rarest = new ArrayList<>(new LinkedHashSet<>(words));
        rarest.sort(Comparator.comparingInt(w -> postings.getOrDefault(w, List.of()).size()));
        Set<Integer> found = new LinkedHashSet<>();
        for (String w : rarest.subList(0, Math.min(rarest.size(), missable + 1))) {
            found.addAll(postings.getOrDefault(w, List.of()));
        }
        return found;
    }
}
