package vn.contest.core.check;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.bank.QuestionBankQueries;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * A contest as loaded (its file was valid, or it would not have loaded): whether its window is what the committee
 * expects now, whether every round still to come has enough questions for a paper and for each topic's quota,
 * and whether people registering on the web can prove their phone when prizes need a verified one.
 */
public final class ContestChecks {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private ContestChecks() {}

    public static List<Check> run(Jdbi jdbi, Contest contest, Instant now) {
        List<Check> checks = new ArrayList<>();
        checks.add(window(contest, now));
        checks.add(bank(jdbi, contest, now));
        return checks;
    }

    static String name(Contest contest) {
        return "Cuộc thi " + contest.config().code();
    }

    static Check window(Contest contest, Instant now) {
        String subject = name(contest) + ": thời gian";
        var zone = contest.config().zone();
        String opens = AT.format(contest.opensAt().atZone(zone));
        String closes = AT.format(contest.closesAt().atZone(zone));
        if (!now.isBefore(contest.closesAt())) {
            return Check.warn(subject, "đã kết thúc lúc " + closes,
                    "nếu đây là cuộc thi sắp mở, sửa opensAt, closesAt và rounds trong tệp cuộc thi (hoặc ở Thể lệ, cấu hình)");
        }
        if (now.isBefore(contest.opensAt())) {
            Duration until = Duration.between(now, contest.opensAt());
            return Check.ok(subject, "mở lúc " + opens + " (còn " + until.toDays() + " ngày " + until.toHoursPart() + " giờ), kết thúc "
                    + closes + "; " + contest.rounds().size() + " đợt");
        }
        String round = contest.openRound(now).map(r -> "đang mở " + r.name() + " đến " + AT.format(r.closesAt().atZone(zone)))
                .orElse("giữa hai đợt: chưa đợt nào mở");
        return Check.ok(subject, round + "; cuộc thi kết thúc " + closes);
    }

    /** Each round not yet closed: enough questions for a paper, and for each topic's quota. */
    static Check bank(Jdbi jdbi, Contest contest, Instant now) {
        String subject = name(contest) + ": ngân hàng câu hỏi";
        ContestConfig.Paper paper = contest.config().paper();
        List<String> missing = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (Round round : contest.rounds()) {
            if (round.isClosed(now)) {
                continue;
            }
            Map<String, Long> byTopic = jdbi.withHandle(h -> QuestionBankQueries.drawableByTopic(h, contest.id(), round.code()));
            long total = byTopic.values().stream().mapToLong(Long::longValue).sum();
            if (total < paper.questions()) {
                missing.add(round.name() + " có " + total + " câu để rút, một bài cần " + paper.questions());
            }
            paper.quotas().forEach((topic, quota) -> {
                long have = byTopic.getOrDefault(topic, 0L);
                if (have < quota) {
                    missing.add(round.name() + ": chủ đề " + topic + " có " + have + " câu, mỗi bài cần ít nhất " + quota);
                }
            });
            fine.add(round.name() + " " + total + " câu");
        }
        if (!missing.isEmpty()) {
            return Check.fail(subject, String.join("; ", missing),
                    "nhập thêm câu hỏi (Ngân hàng câu hỏi, hoặc: java -jar app/target/contest-app.jar import-questions TỆP),"
                            + " hoặc giảm paper.questions / paper.quotas");
        }
        if (fine.isEmpty()) {
            return Check.ok(subject, "mọi đợt đã kết thúc");
        }
        return Check.ok(subject, "đủ cho mỗi bài " + paper.questions() + " câu và các hạn mức chủ đề: " + String.join(", ", fine));
    }

    /**
     * Whether people registering on the web can prove the phone they type, when this contest's prizes need a
     * verified phone: without a channel that sends one-time codes, they can take part and rank, not win, until the
     * secretariat verifies them by calling.
     */
    public static Check webPhones(Contest contest, boolean codesOffered) {
        String subject = name(contest) + ": xác minh số điện thoại gõ trên trang web";
        if (!contest.config().eligibility().needsVerifiedPhone()) {
            return Check.ok(subject, "giải thưởng không đòi số điện thoại đã xác minh (eligibility.prizesNeedVerifiedPhone: false)");
        }
        if (codesOffered) {
            return Check.ok(subject, "người đăng ký trên web nhận mã xác minh qua Zalo (ZNS)");
        }
        return Check.warn(subject, "giải thưởng cần số đã xác minh nhưng không kênh nào gửi mã xác minh: người đăng ký trên web"
                        + " chỉ đạt giải khi Thư ký gọi điện xác minh",
                "bật kênh Zalo với ZALO_ZNS_OTP_TEMPLATE_ID (mẫu ZNS OTP đã được duyệt), hoặc để Thư ký xác minh bằng điện thoại");
    }
}
