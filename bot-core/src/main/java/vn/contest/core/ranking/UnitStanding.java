package vn.contest.core.ranking;

/** A top-level unit's participation: people with a finished paper (its communes included) over its headcount. */
public record UnitStanding(int rank, long unitId, String code, String name, long participants, int headcount) {
    /** Participants per head, or null when the unit has no headcount. */
    public Double rate() {
        return headcount == 0 ? null : (double) participants / headcount;
    }
}
