package vn.contest.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.channel.Channel;
import vn.contest.core.check.Check;
import vn.contest.core.check.ContestChecks;
import vn.contest.core.check.DatabaseChecks;
import vn.contest.core.contest.Contest;
import vn.contest.core.text.Redaction;

/**
 * Every check an operator can run before the launch, in one list: the public address, each channel's own
 * ({@link Channel#checks}), the database, and each contest. The {@code doctor} command prints it; the admin web's
 * "Kiểm tra kết nối" shows it. A check that throws becomes a failed line, never a stack trace.
 */
final class Checkup {
    private static final Logger log = LoggerFactory.getLogger(Checkup.class);

    private final List<? extends Channel<?>> channels;
    private final Jdbi jdbi;
    private final Supplier<List<Contest>> contests;
    private final Optional<Path> dataDir;
    private final Path backupDir;
    private final String publicUrl;
    private final Clock clock;

    Checkup(List<? extends Channel<?>> channels, Jdbi jdbi, Supplier<List<Contest>> contests, Optional<Path> dataDir, Path backupDir,
            String publicUrl, Clock clock) {
        this.channels = channels;
        this.jdbi = jdbi;
        this.contests = contests;
        this.dataDir = dataDir;
        this.backupDir = backupDir;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(PublicUrlCheck.run(publicUrl));
        for (Channel<?> channel : channels) {
            checks.addAll(guarded(channel.label(), channel::checks));
        }
        checks.addAll(guarded("Cơ sở dữ liệu", () -> DatabaseChecks.run(jdbi, dataDir, backupDir, clock.instant())));
        boolean codes = channels.stream().anyMatch(c -> c.codeSender().isPresent());
        for (Contest contest : contests.get()) {
            checks.addAll(guarded("Cuộc thi " + contest.config().code(), () -> {
                List<Check> these = new ArrayList<>(ContestChecks.run(jdbi, contest, clock.instant()));
                these.add(ContestChecks.webPhones(contest, codes));
                return these;
            }));
        }
        return checks;
    }

    /** A check that fails unexpectedly is one failed line that says so (the log has the reason, redacted). */
    private static List<Check> guarded(String subject, Supplier<List<Check>> checks) {
        try {
            return checks.get();
        } catch (RuntimeException e) {
            log.warn("Check of {} failed: {}", subject, Redaction.redact(String.valueOf(e)));
            return List.of(Check.fail(subject, "không kiểm tra được: " + e.getClass().getSimpleName(),
                    "xem nhật ký (log) của ứng dụng, sửa lỗi rồi kiểm tra lại"));
        }
    }
}
