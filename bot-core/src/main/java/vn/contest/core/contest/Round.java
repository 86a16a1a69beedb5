package vn.contest.core.contest;

import java.time.Instant;

public record Round(long id, String code, String name, Instant opensAt, Instant closesAt) {
    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean isClosed(Instant now) {
        return !now.isBefore(closesAt);
    }
}
