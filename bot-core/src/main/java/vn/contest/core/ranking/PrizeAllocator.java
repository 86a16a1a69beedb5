package vn.contest.core.ranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.contest.core.config.ContestConfig.GroupPrizes;
import vn.contest.core.config.ContestConfig.PrizeLevel;

/**
 * Individual prizes from the rankings: level by level from the highest, round by round, each group's slots
 * go to the best-ranked people who hold no prize yet and could win ({@link RankedEntry#couldWin()}: not
 * disputed, phone verified where the contest asks it). So one person keeps only their highest prize, and a
 * slot they cannot take passes to the next in line.
 */
public final class PrizeAllocator {
    private PrizeAllocator() {}

    /** The awards, and the people passed over for a slot they ranked for but could not take (unverified, disputed). */
    public record Allocation(List<Award> awards, List<Skipped> passedOver) {}

    public record Skipped(long roundId, int group, RankedEntry entry) {}

    /**
     * @param rankings per round (in round order), per group: the ranking, best first
     */
    public static Allocation allocation(List<GroupPrizes> prizes, Map<Long, Map<Integer, List<RankedEntry>>> rankings) {
        List<Award> awards = new ArrayList<>();
        Map<String, Skipped> skipped = new java.util.LinkedHashMap<>();
        Set<Long> awarded = new HashSet<>();
        int deepest = prizes.stream().mapToInt(g -> g.levels().size()).max().orElse(0);
        for (int level = 0; level < deepest; level++) {
            for (var round : rankings.entrySet()) {
                for (GroupPrizes group : prizes) {
                    if (level >= group.levels().size()) {
                        continue;
                    }
                    PrizeLevel prize = group.levels().get(level);
                    int left = prize.count();
                    for (RankedEntry e : round.getValue().getOrDefault(group.group(), List.of())) {
                        if (left == 0) {
                            break;
                        }
                        if (!e.couldWin()) {
                            skipped.putIfAbsent(round.getKey() + ":" + e.participantId(), new Skipped(round.getKey(), group.group(), e));
                            continue;
                        }
                        if (awarded.add(e.participantId())) {
                            awards.add(new Award(round.getKey(), group.group(), prize.code(), prize.name(), e.participantId(), e.rank()));
                            left--;
                        }
                    }
                }
            }
        }
        return new Allocation(awards, List.copyOf(skipped.values()));
    }
}
