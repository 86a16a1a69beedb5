package vn.contest.core.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.GroupConfig;

/**
 * Whole rankings held in memory, for tests that compare them: the app streams them ({@link RankingQuery#stream})
 * or reads only their head ({@link TopRanking}), so these live with the tests, built on the same query.
 */
public final class Rankings {
    private Rankings() {}

    /** A round's whole ranking in one group, best first. */
    public static List<RankedEntry> ranking(Handle h, ContestConfig config, long roundId, int group, long actualParticipants) {
        List<RankedEntry> lines = new ArrayList<>();
        RankingQuery.stream(h, config, roundId, group, actualParticipants, lines::add);
        return lines;
    }

    /** A round's whole ranking in every group of the contest, in the contest's group order. */
    public static Map<GroupConfig, List<RankedEntry>> byGroup(Handle h, ContestConfig config, long roundId) {
        long actual = RankingQuery.actualParticipants(h, config, roundId);
        Map<GroupConfig, List<RankedEntry>> rankings = new LinkedHashMap<>();
        for (GroupConfig g : config.groups()) {
            rankings.put(g, ranking(h, config, roundId, g.code(), actual));
        }
        return rankings;
    }
}
