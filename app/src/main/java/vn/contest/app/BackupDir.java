package vn.contest.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where backups are kept (BACKUP_DIR, default the current directory): the {@code backup} command writes its
 * default file there, and the checks look there for a recent one.
 */
final class BackupDir {
    private BackupDir() {}

    static Path of(Map<String, String> env) {
        String dir = env.get("BACKUP_DIR");
        return Path.of(dir == null || dir.isBlank() ? "." : dir.strip());
    }
}
