package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup and restore on the embedded server: the participants come back in a fresh DATA_DIR, and a full database refuses a restore. */
class BackupRestoreTest {
    static AppConfig embedded(Path dataDir) {
        return new AppConfig("127.0.0.1", 0, dataDir, null, null, null, null);
    }

    @Test
    void aBackupRestoredIntoAFreshDataDirHasTheParticipants(@TempDir Path first, @TempDir Path second) throws Exception {
        try (App app = App.start(embedded(first), Clock.systemUTC())) {
            WebClient c = new WebClient(app.port());
            c.register("Triệu Thị Sao Lưu", "08/08/1988", "0913800001", 2, "1");
            c.takePaper(app, 3);
        }
        Path file = first.resolve("backup.zip");
        assertEquals(0, Main.backup(embedded(first), file));
        assertTrue(Files.size(file) > 0);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "a backup holds everyone's personal data: only its owner may read it");
        long size = Files.size(file);
        assertEquals(1, Main.backup(embedded(first), file), "an existing backup is never overwritten");
        assertEquals(size, Files.size(file));

        assertEquals(0, Main.restore(embedded(second), file));
        try (App restored = App.start(embedded(second), Clock.systemUTC())) {
            String name = restored.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT full_name FROM participants WHERE phone = '0913800001'").mapTo(String.class).one());
            assertEquals("Triệu Thị Sao Lưu", name);
            long papers = restored.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM attempts WHERE status = 'finished'").mapTo(Long.class).one());
            assertEquals(1, papers);
            WebClient next = new WebClient(restored.port());
            next.register("Người Sau Khôi Phục", "09/09/1989", "0913800002", 1, "1");
        }
        assertEquals(1, Main.restore(embedded(second), file), "a database that holds a contest refuses a restore");
    }
}
