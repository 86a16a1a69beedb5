package vn.contest.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import vn.contest.core.outbox.SendResult;

/**
 * What each error code of the OA API means for a message, in one place (Zalo answers errors with HTTP 200 and a
 * negative {@code error}; codes from docs.zaloplatforms.com "phụ lục / mã lỗi" and Zalo's partners):
 * <ul>
 *   <li>the person cannot receive it, now or ever (outside the 7-day window, blocked the OA...): undeliverable,
 *       kept with the reason;</li>
 *   <li>the message itself is wrong (-201 invalid field, -210 too long...): undeliverable, kept with the reason;</li>
 *   <li>the sending side must be put right (quota, the OA's package, the Zalo Cloud Account's balance, the OA not
 *       verified, the night-time ban): held, tried again later and never given up on for it, with an alert on the
 *       dashboard and /health ({@link Hold});</li>
 *   <li>a rate limit, an expired token, anything unknown: retried with backoff (given up after the dispatcher's
 *       tries, with the reason kept).</li>
 * </ul>
 */
final class ZaloRefusals {
    /** The person is outside the 7-day window, blocked the OA, was banned...: retrying cannot help. */
    static final Set<Integer> UNDELIVERABLE = Set.of(-213, -217, -227, -230, -232, -244);
    /** The message as we wrote it is refused: it would fail the same way again. */
    static final Set<Integer> MALFORMED = Set.of(-201, -210, -233, -240, -242);
    static final Set<Integer> RATE_LIMITED = Set.of(-32);
    /** The person has received too many messages for now: a passing limit on their side. */
    static final int RECEIVER_QUOTA = -218;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Zalo's night-time ban on sending (-234) lasts from 22:00 to 06:00, Vietnam time. */
    static final LocalTime NIGHT_STARTS = LocalTime.of(22, 0);
    static final LocalTime NIGHT_ENDS = LocalTime.of(6, 0);

    /** Refusals an operator must put right: the alert's code and text, and when to try again. */
    enum Hold {
        QUOTA("ZALO_QUOTA_EXCEEDED", Duration.ofMinutes(30), "OA đã hết hạn mức gửi tin",
                "xem hạn mức gửi tin trong trang quản lý OA (oa.zalo.me) hoặc chờ hạn mức mới", -211),
        PACKAGE("ZALO_PACKAGE_LIMIT", Duration.ofHours(1), "gói dịch vụ của OA không cho gửi loại tin này",
                "nâng cấp gói dịch vụ của OA trên oa.zalo.me", -224),
        BALANCE("ZALO_NO_BALANCE", Duration.ofMinutes(30), "tài khoản Zalo Cloud Account của OA chưa có hoặc không đủ tiền cho tin tính phí",
                "nạp tiền vào Zalo Cloud Account của OA, hoặc tắt ZALO_PAID_MESSAGES để chỉ gửi trong 48 giờ miễn phí", -320, -321),
        NOT_VERIFIED("ZALO_OA_NOT_VERIFIED", Duration.ofHours(1), "OA chưa được xác thực",
                "hoàn tất xác thực OA trên oa.zalo.me", -221),
        NIGHT("ZALO_NIGHT_BAN", null, "Zalo không cho gửi tin từ 22:00 đến 06:00",
                "không cần làm gì: tin sẽ được gửi sau 06:00", -234);

        final String alert;
        /** null: until the night ends. */
        final Duration after;
        final String why;
        final String whatToDo;
        final Set<Integer> codes;

        Hold(String alert, Duration after, String why, String whatToDo, Integer... codes) {
            this.alert = alert;
            this.after = after;
            this.why = why;
            this.whatToDo = whatToDo;
            this.codes = Set.of(codes);
        }

        static Optional<Hold> of(int code) {
            return Arrays.stream(values()).filter(h -> h.codes.contains(code)).findFirst();
        }

        static Optional<Hold> byAlert(String alert) {
            return Arrays.stream(values()).filter(h -> h.alert.equals(alert)).findFirst();
        }

        Duration delay(Clock clock) {
            if (after != null) {
                return after;
            }
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(VIETNAM));
            LocalTime time = now.toLocalTime();
            if (!time.isBefore(NIGHT_ENDS) && time.isBefore(NIGHT_STARTS)) {
                return Duration.ofHours(1); // refused by day: Zalo's clock or its rule differs; try again within the hour
            }
            ZonedDateTime morning = (time.isBefore(NIGHT_ENDS) ? now : now.plusDays(1)).with(NIGHT_ENDS).plusMinutes(1);
            return Duration.between(now, morning);
        }
    }

    private ZaloRefusals() {}

    /** How the dispatcher should treat a message Zalo answered with a non-zero {@code error}. */
    static SendResult classify(ZaloApi.Reply reply, Clock clock) {
        String reason = reply.error() + " " + reply.message();
        Optional<Hold> hold = Hold.of(reply.error());
        if (hold.isPresent()) {
            return new SendResult.Held(hold.get().delay(clock), hold.get().alert, reason);
        }
        if (UNDELIVERABLE.contains(reply.error()) || MALFORMED.contains(reply.error())) {
            return new SendResult.Undeliverable(reason);
        }
        if (RATE_LIMITED.contains(reply.error())) {
            return new SendResult.Retry(Duration.ofSeconds(30), reason);
        }
        if (reply.error() == RECEIVER_QUOTA) {
            return new SendResult.Retry(Duration.ofHours(1), reason);
        }
        // Token errors (already refreshed once by ZaloApi) and codes we do not know: retried, then given up with the reason.
        return new SendResult.Retry(null, reason);
    }
}
