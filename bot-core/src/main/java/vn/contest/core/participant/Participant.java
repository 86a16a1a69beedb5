package vn.contest.core.participant;

import java.time.Instant;
import java.time.LocalDate;

public record Participant(long id, String fullName, LocalDate birthDate, String phone, String idNumber, int group,
                          long unitId, Instant registeredAt, Instant disqualifiedAt, String disqualifiedReason) {
    public boolean isDisqualified() {
        return disqualifiedAt != null;
    }
}
