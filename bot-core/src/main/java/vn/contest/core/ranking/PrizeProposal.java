package vn.contest.core.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.GroupConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * The prizes the rules give now: individual prizes per round and group ({@link PrizeAllocator} over the head
 * of each round's rankings, read as deep as the prizes reach), then the collective prizes to the leading units
 * with at least one participant. The admin pages, the exports and the tests all take the proposal from here;
 * it reads many statements, so a caller that must not see papers move meanwhile uses one REPEATABLE READ transaction.
 *
 * @param individual each individual prize with the ranking line that earned it
 * @param passedOver people ranked within the prizes of their round and group who cannot be given one (phone
 *                   not verified, or a disputed record), so the committee sees why the list skips them
 * @param collective the units that win the collective prize, best first (empty when the contest has none)
 * @param actualParticipants per round, the actual number of participants the predictions were judged against
 */
public record PrizeProposal(List<IndividualPrize> individual, List<PassedOver> passedOver, List<UnitStanding> collective,
                            Map<Long, Long> actualParticipants) {

    public record IndividualPrize(Award award, RankedEntry entry) {}

    /** Someone the prizes passed over, in which round and group. */
    public record PassedOver(long roundId, int group, RankedEntry entry) {}

    public static PrizeProposal of(Handle h, Contest contest) {
        int slots = contest.config().prizes().individual().stream().mapToInt(PrizeProposal::slots).max().orElse(0);
        return of(h, contest, 2 * slots + 50);
    }

    /** The proposal, the rankings first read {@code firstDepth} lines deep. */
    static PrizeProposal of(Handle h, Contest contest, int firstDepth) {
        ContestConfig c = contest.config();
        Map<Long, Long> actual = new LinkedHashMap<>();
        contest.rounds().forEach(r -> actual.put(r.id(), RankingQuery.actualParticipants(h, c, r.id())));
        // Each ranking is read only as deep as the prizes reach: deeper, and again, while a slot stays open at the
        // end of a list that was cut short (people passed over, or holding a prize from an earlier round).
        for (int depth = firstDepth; ; depth *= 4) {
            Map<Long, Map<Integer, List<RankedEntry>>> rankings = new LinkedHashMap<>();
            for (Round r : contest.rounds()) {
                Map<Integer, List<RankedEntry>> groups = new LinkedHashMap<>();
                for (GroupConfig g : c.groups()) {
                    groups.put(g.code(), TopRanking.top(h, c, r.id(), g.code(), actual.get(r.id()), depth));
                }
                rankings.put(r.id(), groups);
            }
            PrizeAllocator.Allocation allocation = PrizeAllocator.allocation(c.prizes().individual(), rankings);
            if (!cutShort(c, rankings, allocation, depth)) {
                return proposal(h, contest, rankings, allocation, actual);
            }
        }
    }

    private static int slots(ContestConfig.GroupPrizes g) {
        return g.levels().stream().mapToInt(ContestConfig.PrizeLevel::count).sum();
    }

    /** Whether some group's slots were not all given and its ranking was read only {@code depth} lines deep. */
    private static boolean cutShort(ContestConfig c, Map<Long, Map<Integer, List<RankedEntry>>> rankings,
                                    PrizeAllocator.Allocation allocation, int depth) {
        for (ContestConfig.GroupPrizes g : c.prizes().individual()) {
            for (var round : rankings.entrySet()) {
                long given = allocation.awards().stream().filter(a -> a.roundId() == round.getKey() && a.group() == g.group()).count();
                if (given < slots(g) && round.getValue().getOrDefault(g.group(), List.of()).size() == depth) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PrizeProposal proposal(Handle h, Contest contest, Map<Long, Map<Integer, List<RankedEntry>>> rankings,
                                          PrizeAllocator.Allocation allocation, Map<Long, Long> actual) {
        ContestConfig c = contest.config();
        Map<Long, Map<Long, RankedEntry>> entryOf = new LinkedHashMap<>(); // round -> participant -> ranking line
        rankings.forEach((round, groups) -> {
            Map<Long, RankedEntry> byParticipant = new LinkedHashMap<>();
            groups.values().forEach(lines -> lines.forEach(e -> byParticipant.put(e.participantId(), e)));
            entryOf.put(round, byParticipant);
        });
        List<IndividualPrize> individual = new ArrayList<>();
        for (Award a : allocation.awards()) {
            individual.add(new IndividualPrize(a, entryOf.get(a.roundId()).get(a.participantId())));
        }
        List<PassedOver> passedOver = allocation.passedOver().stream()
                .map(s -> new PassedOver(s.roundId(), s.group(), s.entry())).toList();
        ContestConfig.CollectivePrizes prizes = c.prizes().collective();
        List<UnitStanding> collective = prizes == null ? List.of()
                : UnitStandings.rank(h, c, contest.id(), prizes.by()).stream()
                        .filter(u -> u.participants() > 0).limit(prizes.count()).toList();
        return new PrizeProposal(individual, passedOver, collective, Map.copyOf(actual));
    }
}
