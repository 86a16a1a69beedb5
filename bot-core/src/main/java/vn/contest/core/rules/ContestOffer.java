package vn.contest.core.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import vn.contest.core.contest.Contest;

/**
 * Which contests a chat is offered: every contest not closed yet (open, between rounds, or coming, since
 * people may register ahead), in opening order; when all are closed, the one that closed last, for its
 * results. With one on offer nothing changes for the participant; with several the chat chooses.
 */
public final class ContestOffer {
    private ContestOffer() {}

    public static List<Contest> offered(List<Contest> all, Instant now) {
        // A loop, not a stream: every message asks.
        List<Contest> running = new java.util.ArrayList<>(all.size());
        for (Contest c : all) {
            if (!(Window.at(c, now) instanceof Window.Closed)) {
                running.add(c);
            }
        }
        running.sort(Contest.EARLIEST_FIRST);
        if (!running.isEmpty() || all.isEmpty()) {
            return java.util.Collections.unmodifiableList(running);
        }
        return List.of(all.stream().max(Comparator.comparing(Contest::closesAt)).orElseThrow());
    }

    /** The contest a one-contest page or tool means: the first on offer. */
    public static Contest primary(List<Contest> all, Instant now) {
        List<Contest> offered = offered(all, now);
        return offered.isEmpty() ? all.get(0) : offered.get(0);
    }

    /** Whether replies must say which contest they are about (several on offer at once). */
    public static boolean severalOffered(List<Contest> all, Instant now) {
        return offered(all, now).size() > 1;
    }
}
