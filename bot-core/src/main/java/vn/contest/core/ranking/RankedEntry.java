package vn.contest.core.ranking;

import java.time.Instant;

/**
 * One line of a round's ranking in one group, with every part of the ranking key, how the person's phone was
 * verified (null: typed only), whether a verified owner disputes the record's phone, and whether they could be
 * given a prize ({@code couldWin}).
 */
public record RankedEntry(int rank, long participantId, String fullName, long unitId, long attemptId, int score,
                          int questionCount, Long prediction, Long predictionDistance, long durationMs, Instant finishedAt,
                          String phoneVerifiedVia, boolean disputed, boolean couldWin) {}
