package vn.contest.core.ranking;

/** An individual prize: who, in which round and group, which level, and their rank there. */
public record Award(long roundId, int group, String levelCode, String levelName, long participantId, int rank) {}
