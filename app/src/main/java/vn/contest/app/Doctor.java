package vn.contest.app;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.javalin.config.JavalinConfig;
import vn.contest.core.channel.Channel;
import vn.contest.core.check.Check;
import vn.contest.core.contest.Contest;
import vn.contest.core.store.Database;
import vn.contest.core.store.EmbeddedPostgresServer;
import vn.contest.core.text.PhoneNumbers;
import vn.contest.core.text.Redaction;
import vn.contest.core.verify.CodeSender;

/**
 * The {@code doctor} command: every check of {@link Checkup}, one line each, then a summary; exit code 0 when
 * nothing failed (warnings allowed), 1 otherwise. It loads the contest files as {@code serve} does. With
 * {@code --test-code PHONE} it also sends one real one-time code to that phone through the channel that sends
 * codes (Zalo's ZNS template), which no documented endpoint can check otherwise.
 */
final class Doctor {
    private Doctor() {}

    static int run(AppConfig config, Map<String, String> env, List<String> args, PrintStream out, Clock clock) {
        String testPhone = null;
        if (args.size() == 2 && args.get(0).equals("--test-code")) {
            testPhone = PhoneNumbers.normalize(args.get(1)).orElse(null);
            if (testPhone == null) {
                out.println("Số điện thoại không hợp lệ: " + args.get(1) + " (ví dụ 0912345678)");
                return 2;
            }
        } else if (!args.isEmpty()) {
            out.println("Usage: doctor [--test-code PHONE]");
            return 2;
        }
        List<Check> checks = new ArrayList<>();
        EmbeddedPostgresServer embedded = null;
        Database db = null;
        try {
            try {
                embedded = config.embeddedDatabase() ? App.embedded(config) : null;
                db = embedded != null
                        ? Database.connect(embedded.appJdbcUrl(), embedded.secrets().appUser(), embedded.secrets().appPassword(), 2)
                        : Database.connect(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2);
            } catch (RuntimeException e) {
                checks.add(Check.fail("Cơ sở dữ liệu", "không mở được (" + e.getClass().getSimpleName() + ": "
                                + Redaction.redact(String.valueOf(e.getMessage())) + ")",
                        config.embeddedDatabase() ? "nếu ứng dụng đang chạy với máy chủ nhúng (DATA_DIR), dùng trang quản trị → Kiểm tra kết nối,"
                                + " hoặc dừng ứng dụng rồi chạy lại doctor" : "kiểm tra DATABASE_URL, tên đăng nhập, mật khẩu và máy chủ PostgreSQL"));
                return report(checks, out);
            }
            List<Contest> contests = List.of();
            try {
                contests = ContestLoader.loadAll(db.jdbi(), config.contestSource(), clock);
            } catch (RuntimeException e) {
                // One line, every problem of the file in it.
                checks.add(Check.fail("Tệp cuộc thi", Redaction.redact(String.valueOf(e.getMessage())).replace("\n - ", "; ").replace('\n', ' '),
                        "sửa tệp cuộc thi theo từng lỗi trên (bảng \"The contest file\" trong README)"));
            }
            List<Channel<JavalinConfig>> channels = App.platforms(config, null, db.jdbi(), clock);
            try {
                List<Contest> loaded = contests;
                checks.addAll(new Checkup(channels, db.jdbi(), () -> loaded,
                        config.embeddedDatabase() ? Optional.of(config.dataDir().resolve("postgres")) : Optional.empty(),
                        BackupDir.of(env), config.publicUrl(), clock).run());
                if (testPhone != null) {
                    checks.add(testCode(channels, testPhone));
                }
            } finally {
                channels.forEach(Channel::close);
            }
            return report(checks, out);
        } finally {
            if (db != null) {
                db.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** One real code to the operator's own phone: the only way to prove the template exists, is approved and takes "otp". */
    static Check testCode(List<? extends Channel<?>> channels, String phone) {
        String subject = "Gửi mã xác minh thử";
        Optional<CodeSender> sender = channels.stream().flatMap(c -> c.codeSender().stream()).findFirst();
        if (sender.isEmpty()) {
            return Check.fail(subject, "không kênh nào gửi được mã xác minh",
                    "bật kênh Zalo và đặt ZALO_ZNS_OTP_TEMPLATE_ID là mã mẫu ZNS OTP đã được duyệt (tham số otp)");
        }
        String code = String.format("%06d", new SecureRandom().nextInt(1_000_000));
        if (sender.get().send(phone, code)) {
            return Check.ok(subject, "đã gửi một mã tới " + PhoneNumbers.mask(phone) + ": kiểm tra tin trong Zalo của số đó");
        }
        return Check.fail(subject, "nền tảng không gửi mã tới " + PhoneNumbers.mask(phone) + " (lý do trong dòng log phía trên)",
                "kiểm tra ZALO_ZNS_OTP_TEMPLATE_ID: mẫu phải có thật, đã được Zalo duyệt và có tham số tên otp; số nhận phải dùng Zalo");
    }

    private static int report(List<Check> checks, PrintStream out) {
        checks.forEach(c -> out.println(c.line()));
        long failed = checks.stream().filter(Check::failed).count();
        long warned = checks.stream().filter(c -> c.status() == Check.Status.WARN).count();
        out.println(checks.size() + " mục: " + (checks.size() - failed - warned) + " ổn, " + warned + " lưu ý, " + failed + " lỗi.");
        return Check.allPass(checks) ? 0 : 1;
    }
}
