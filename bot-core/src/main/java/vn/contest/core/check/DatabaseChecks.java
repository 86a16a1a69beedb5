package vn.contest.core.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The database as the launch needs it: its version, settings that keep every commit on disk, free disk where the
 * app can see it (the embedded server's DATA_DIR), and a recent backup in BACKUP_DIR.
 */
public final class DatabaseChecks {
    /** Below this the database may fill during the contest. */
    static final long LOW_DISK = 5L * 1024 * 1024 * 1024;
    /** Below this it soon will. */
    static final long TOO_LOW_DISK = 1024L * 1024 * 1024;
    /** A backup older than this is not the one to launch with. */
    static final Duration OLD_BACKUP = Duration.ofHours(24);
    /** The name the {@code backup} command gives its files. */
    static final String BACKUP_GLOB = "backup-*.zip";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    private DatabaseChecks() {}

    /**
     * {@code dataDir}: the embedded server's data directory, empty for an external server (whose disk the app
     * cannot see); {@code backupDir}: where backups are kept.
     */
    public static List<Check> run(Jdbi jdbi, Optional<Path> dataDir, Path backupDir, Instant now) {
        List<Check> checks = new ArrayList<>();
        Map<String, Object> settings = jdbi.withHandle(h -> h.createQuery("""
                SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
                       current_setting('synchronous_commit') AS synchronous_commit, current_setting('full_page_writes') AS full_page_writes,
                       pg_database_size(current_database()) AS size""").mapToMap().one());
        checks.add(Check.ok("Cơ sở dữ liệu: phiên bản", "PostgreSQL " + settings.get("version")
                + (dataDir.isPresent() ? " (máy chủ nhúng trong DATA_DIR)" : " (DATABASE_URL)")));
        checks.add(durability(settings));
        checks.add(disk(dataDir, ((Number) settings.get("size")).longValue()));
        checks.add(backups(backupDir, now));
        return checks;
    }

    static Check durability(Map<String, Object> settings) {
        String subject = "Cơ sở dữ liệu: ghi bền vững";
        String found = "fsync=" + settings.get("fsync") + ", synchronous_commit=" + settings.get("synchronous_commit")
                + ", full_page_writes=" + settings.get("full_page_writes");
        if (!"on".equals(settings.get("fsync")) || !"on".equals(settings.get("full_page_writes"))) {
            return Check.fail(subject, found + ": một lần mất điện có thể làm hỏng dữ liệu",
                    "bật fsync và full_page_writes trong postgresql.conf của máy chủ PostgreSQL rồi khởi động lại nó");
        }
        if ("off".equals(settings.get("synchronous_commit"))) {
            return Check.warn(subject, found + ": một lần mất điện có thể mất các câu trả lời của vài giây cuối",
                    "đặt synchronous_commit = on trong postgresql.conf");
        }
        return Check.ok(subject, found);
    }

    static Check disk(Optional<Path> dataDir, long databaseBytes) {
        String subject = "Cơ sở dữ liệu: dung lượng đĩa";
        String size = "dữ liệu chiếm " + human(databaseBytes);
        if (dataDir.isEmpty()) {
            return Check.warn(subject, size + "; máy chủ PostgreSQL ở ngoài nên ứng dụng không đọc được dung lượng trống của nó",
                    "kiểm tra dung lượng trống trên máy chủ PostgreSQL (df -h), nên còn ít nhất " + human(LOW_DISK));
        }
        try {
            long free = Files.getFileStore(existing(dataDir.get())).getUsableSpace();
            String found = size + ", còn trống " + human(free) + " tại " + dataDir.get();
            if (free < TOO_LOW_DISK) {
                return Check.fail(subject, found, "giải phóng hoặc thêm dung lượng đĩa; xem docs/OPERATIONS.md, \"Đĩa cơ sở dữ liệu sắp đầy\"");
            }
            if (free < LOW_DISK) {
                return Check.warn(subject, found, "nên có ít nhất " + human(LOW_DISK) + " trống trước ngày thi");
            }
            return Check.ok(subject, found);
        } catch (IOException e) {
            return Check.warn(subject, size + "; không đọc được dung lượng trống của " + dataDir.get(), "kiểm tra bằng df -h");
        }
    }

    static Check backups(Path backupDir, Instant now) {
        String subject = "Sao lưu";
        String make = "chạy: java -jar app/target/contest-app.jar backup (với máy chủ nhúng: khi ứng dụng đã dừng), rồi chép tệp ra máy khác";
        Optional<Path> newest;
        try (Stream<Path> files = Files.isDirectory(backupDir) ? Files.list(backupDir) : Stream.empty()) {
            var matcher = backupDir.getFileSystem().getPathMatcher("glob:" + BACKUP_GLOB);
            newest = files.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p))
                    .max(java.util.Comparator.comparing(DatabaseChecks::modified));
        } catch (IOException e) {
            return Check.warn(subject, "không đọc được thư mục " + backupDir.toAbsolutePath(), "kiểm tra BACKUP_DIR");
        }
        if (newest.isEmpty()) {
            return Check.warn(subject, "chưa có bản sao lưu nào (" + BACKUP_GLOB + ") trong " + backupDir.toAbsolutePath(), make);
        }
        Instant at = modified(newest.get());
        String found = "bản mới nhất " + newest.get().getFileName() + " lúc " + AT.format(at);
        return Duration.between(at, now).compareTo(OLD_BACKUP) > 0 ? Check.warn(subject, found + ", đã cũ hơn 24 giờ", make)
                : Check.ok(subject, found);
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static Path existing(Path p) {
        Path at = p.toAbsolutePath();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at == null ? p.toAbsolutePath().getRoot() : at;
    }

    static String human(long bytes) {
        double gb = bytes / (1024.0 * 1024 * 1024);
        return gb >= 1 ? String.format(java.util.Locale.ROOT, "%.1f GB", gb)
                : String.format(java.util.Locale.ROOT, "%d MB", bytes / (1024 * 1024));
    }
}
