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
 * The prizes the rules give now: individual prizes per round and group ({@link PrizeAllocator} over each
 * round's rankings), then the collective prizes to the leading units with at least one participant. The
 * admin pages, the exports and the tests all take the proposal from here.
 *
 * @param individual each individual prize with the ranking line that earned it
 * @param passedOver people ranked within the prizes of their round and group who cannot be given one (phone
 *                   not verified, or a disputed record), so the committee sees why the list skips them
 * @param collective the units that win the collective prize, best first (empty when the contest has none)
 */
public record PrizeProposal(List<IndividualPrize> individual, List<PassedOver> passedOver, List<UnitStanding> collective) {

    public record IndividualPrize(Award award, RankedEntry entry) {}

    /** Someone the prizes passed over, in which round and group. */
    public record PassedOver(long roundId, int group, RankedEntry entry) {}

    public static PrizeProposal of(Handle h, Contest contest) {
        ContestConfig c = contest.config();
        Map<Long, Map<Integer, List<RankedEntry>>> rankings = new LinkedHashMap<>();
        Map<Long, Map<Long, RankedEntry>> entryOf = new LinkedHashMap<>(); // round -> participant -> ranking line
        for (Round r : contest.rounds()) {
            Map<Integer, List<RankedEntry>> groups = new LinkedHashMap<>();
            Map<Long, RankedEntry> byParticipant = new LinkedHashMap<>();
            for (Map.Entry<GroupConfig, List<RankedEntry>> g : RankingQuery.byGroup(h, c, r.id()).entrySet()) {
                groups.put(g.getKey().code(), g.getValue());
                g.getValue().forEach(e -> byParticipant.put(e.participantId(), e));
            }
            rankings.put(r.id(), groups);
            entryOf.put(r.id(), byParticipant);
        }
        PrizeAllocator.Allocation allocation = PrizeAllocator.allocation(c.prizes().individual(), rankings);
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
        return new PrizeProposal(individual, passedOver, collective);
    }
}
