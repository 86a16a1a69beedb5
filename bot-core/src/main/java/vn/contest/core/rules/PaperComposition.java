package vn.contest.core.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.contest.core.text.Folding;

/**
 * Which questions make one paper: at least each listed topic's quota, the rest from any topic, in random order,
 * and never two questions of one fact group (the bank's "Nhóm" column): questions on one fact, such as a decree's
 * subject and its date, would cue each other in one paper.
 */
public final class PaperComposition {
    /** A question a paper may draw: its topic's code and its fact group (null or blank: none). */
    public record Candidate(long id, String topic, String factGroup) {}

    private PaperComposition() {}

    /**
     * The ids of one paper of {@code size} questions from {@code pool}, in the order it asks them; empty when the pool
     * cannot fill a paper (too few questions, or too few fact groups among them).
     */
    public static List<Long> choose(List<Candidate> pool, Map<String, Integer> quotas, int size, Random random) {
        if (pool.size() < size) {
            return List.of();
        }
        Map<String, List<Candidate>> byTopic = new LinkedHashMap<>();
        pool.forEach(c -> byTopic.computeIfAbsent(c.topic(), k -> new ArrayList<>()).add(c));
        Map<Long, Candidate> chosen = new LinkedHashMap<>();
        Set<String> groupsTaken = new HashSet<>();
        quotas.forEach((topic, quota) -> {
            List<Candidate> topicPool = new ArrayList<>(byTopic.getOrDefault(topic, List.of()));
            Collections.shuffle(topicPool, random);
            int taken = 0;
            for (Candidate c : topicPool) {
                if (taken >= quota) {
                    break;
                }
                if (take(c, chosen, groupsTaken)) {
                    taken++;
                }
            }
        });
        List<Candidate> rest = new ArrayList<>(pool);
        rest.removeIf(c -> chosen.containsKey(c.id()));
        Collections.shuffle(rest, random);
        for (Candidate c : rest) {
            if (chosen.size() >= size) {
                break;
            }
            take(c, chosen, groupsTaken);
        }
        if (chosen.size() < size) {
            return List.of();
        }
        List<Long> order = new ArrayList<>(chosen.keySet());
        Collections.shuffle(order, random);
        return order;
    }

    /** The key two fact groups are compared by: "NĐ 13/2023" and "nđ 13/2023 " are one group. */
    public static String groupKey(String factGroup) {
        String key = Folding.fold(factGroup);
        return key.isEmpty() ? null : key;
    }

    private static boolean take(Candidate c, Map<Long, Candidate> chosen, Set<String> groupsTaken) {
        String group = groupKey(c.factGroup());
        if (group != null && !groupsTaken.add(group)) {
            return false;
        }
        chosen.put(c.id(), c);
        return true;
    }
}
