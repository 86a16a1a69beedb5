package vn.contest.core.participant;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person in the contest. {@code phoneVerifiedVia} says how the phone was vouched for (null: only typed);
 * a typed record whose phone a verified owner claimed is {@code disputed} until the committee resolves it.
 */
public record Participant(long id, String fullName, LocalDate birthDate, String phone, String idNumber, int group,
                          long unitId, Instant registeredAt, Instant disqualifiedAt, String disqualifiedReason,
                          String phoneVerifiedVia, Instant disputedAt, String disputeResolution, Long mergedInto) {
    public boolean isDisqualified() {
        return disqualifiedAt != null;
    }

    public boolean isPhoneVerified() {
        return phoneVerifiedVia != null;
    }

    /** Claimed by a verified owner and not yet resolved by the committee. */
    public boolean isDisputed() {
        return disputedAt != null && disputeResolution == null;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }
}
