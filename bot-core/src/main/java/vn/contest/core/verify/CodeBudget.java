package vn.contest.core.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What one-time codes may cost: each send is a paid message. At most {@code perAddress} codes in
 * {@code addressWindow} to chats from one client network (an IPv4 address, an IPv6 /64: ZNS_PER_ADDRESS, 10 in
 * 10 minutes by default) and {@code perDay} for the whole OA in a day (ZNS_DAILY_BUDGET, 1,000 by default). The
 * operator is warned from {@link #WARN_AT} of the day's budget; at all of it codes stop until the next day.
 */
public record CodeBudget(int perAddress, Duration addressWindow, int perDay) {
    public static final CodeBudget DEFAULT = new CodeBudget(10, Duration.ofMinutes(10), 1_000);
    /** The share of the day's budget from which the operator is warned. */
    public static final double WARN_AT = 0.8;
    /** ZNS counts its quotas by Vietnam's day. */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public enum Level { OK, LOW, SPENT }

    public CodeBudget {
        if (perAddress < 1 || perDay < 1 || addressWindow.isNegative() || addressWindow.isZero()) {
            throw new IllegalArgumentException("a code budget needs positive limits");
        }
    }

    /** Where the day's budget stands after {@code usedToday} sends. */
    public Level level(long usedToday) {
        return usedToday >= perDay ? Level.SPENT : usedToday >= Math.ceil(perDay * WARN_AT) ? Level.LOW : Level.OK;
    }

    /** The first moment of the budget's day that holds {@code now}. */
    public static Instant dayStart(Instant now) {
        return LocalDate.ofInstant(now, DAY_ZONE).atStartOfDay(DAY_ZONE).toInstant();
    }
}
