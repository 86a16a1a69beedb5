package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestDatabase;

/**
 * {@code restore} refuses what is not a whole backup of this app before it writes anything, and reads what it
 * is given as a stream: a 1.5 MB zip of three 480 MB entries runs this JVM (-Xmx256m, see app/pom.xml) out of
 * nothing, and a zip holding only a made-up administrator creates no account.
 */
class RestoreRefusalsTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    static App source;
    static Path dir;
    static Path backup;

    @BeforeAll
    static void makeABackup() throws Exception {
        source = TestApps.onSharedServer("restore_source", Clock.systemUTC());
        new WebClient(source.port()).register("Đoàn Thị Khôi Phục", "07/07/1987", "0913900001", 2, "1");
        dir = Files.createTempDirectory("restore");
        backup = dir.resolve("backup.zip");
        assertEquals(0, Main.backup(external("restore_source"), backup));
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    static AppConfig external(String database) {
        return new AppConfig("127.0.0.1", 0, dir, TestDatabase.server().jdbcUrl(database), "postgres", "postgres", null);
    }

    /** A new database on the shared server, as an operator's empty DATABASE_URL. */
    static String emptyDatabase() throws Exception {
        String name = "restore_into_" + DATABASES.incrementAndGet();
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return name;
    }

    static long count(String database, String table) throws Exception {
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl(database), "postgres", "postgres");
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Main.restore's exit code and what it told the operator. */
    record Outcome(int code, String said) {}

    static Outcome restore(String database, Path file) {
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Main.restore(external(database), file), said.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The backup with some entries replaced (null drops one), the others copied as they are. */
    static Path edited(String name, Map<String, Content> changes) throws IOException {
        Path file = dir.resolve(name);
        try (ZipFile zip = new ZipFile(backup.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : zip.stream().toList()) {
                if (changes.containsKey(e.getName()) && changes.get(e.getName()) == null) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                if (changes.containsKey(e.getName())) {
                    changes.get(e.getName()).writeTo(out);
                } else {
                    try (var in = zip.getInputStream(e)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return file;
    }

    static String entry(String name) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile()); var in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code megabytes} of one CSV line repeated: it packs about a thousand to one. */
    static Content repeated(int megabytes) {
        return out -> {
            byte[] block = "7,x\n".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long left = megabytes * 1024L * 1024L; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        };
    }

    @Test
    void aWholeBackupComesBackInAnEmptyDatabase() throws Exception {
        String target = emptyDatabase();
        Outcome outcome = restore(target, backup);
        assertEquals(0, outcome.code(), outcome.said());
        assertEquals(1, count(target, "participants WHERE full_name = 'Đoàn Thị Khôi Phục'"));
        assertEquals(count("restore_source", "questions"), count(target, "questions"));
    }

    @Test
    void aZipHoldingOnlyAMadeUpAdministratorCreatesNoAccount() throws Exception {
        // As the probe sent it: the index of the backups before the manifest, and one table.
        Path forged = dir.resolve("forged.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
            out.putNextEntry(new ZipEntry("data/admin_users.csv"));
            out.write("1,intruder,$2a$12$abcdefghijklmnopqrstuuM4Wv1c0fN7oP1J0cQ9xw3wGZpG7dKm,ADMIN,t,2023-09-01 00:00:00+00\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("tables.txt"));
            out.write("admin_users\tid,username,password_hash,role,active,created_at\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        String target = emptyDatabase();
        Outcome outcome = restore(target, forged);
        assertEquals(1, outcome.code(), outcome.said());
        assertEquals(0, count(target, "admin_users"), "no account was created");

        // The same with a manifest that lists only that table: every table of the schema must be there.
        Path partial = dir.resolve("partial.zip");
        String manifest = entry("manifest.txt");
        String onlyAdmins = manifest.lines().filter(l -> !l.startsWith("table\t") || l.startsWith("table\tadmin_users\t"))
                .reduce("", (a, b) -> a + b + "\n");
        try (ZipFile zip = new ZipFile(backup.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            out.putNextEntry(new ZipEntry("manifest.txt"));
            out.write(onlyAdmins.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("data/admin_users.csv"));
            zip.getInputStream(zip.getEntry("data/admin_users.csv")).transferTo(out);
            out.closeEntry();
        }
        outcome = restore(target, partial);
        assertEquals(1, outcome.code(), outcome.said());
        assertTrue(outcome.said().contains("not complete") && outcome.said().contains("participants"), outcome.said());
        assertEquals(0, count(target, "admin_users"));
    }

    @Test
    void aTableCutShortOrMissingIsRefusedBeforeAnyRowIsWritten() throws Exception {
        String participants = entry("data/participants.csv");
        assertTrue(participants.lines().count() == 1, participants);
        // The last table written, cut short: a check at the end of the load would come after every other table.
        Path cut = edited("cut.zip", Map.of("data/participants.csv", out -> { }));
        String target = emptyDatabase();
        Outcome outcome = restore(target, cut);
        assertEquals(1, outcome.code(), outcome.said());
        assertTrue(outcome.said().contains("data/participants.csv holds 0 rows"), outcome.said());
        for (String table : List.of("contests", "questions", "admin_users", "app_keys", "chat_accounts")) {
            assertEquals(0, count(target, table), table + " stays empty");
        }
        java.util.HashMap<String, Content> drop = new java.util.HashMap<>();
        drop.put("data/outbox.csv", null);
        outcome = restore(target, edited("missing.zip", drop));
        assertEquals(1, outcome.code(), outcome.said());
        assertTrue(outcome.said().contains("data/outbox.csv is missing"), outcome.said());
        assertEquals(0, count(target, "contests"));
    }

    @Test
    void threeEntriesOfFourHundredAndEightyMegabytesInAOneAndAHalfMegabyteZipAreStoppedWithoutExhaustingMemory() throws Exception {
        Path bomb = edited("bomb.zip", Map.of("data/contests.csv", repeated(480), "data/questions.csv", repeated(480),
                "data/participants.csv", repeated(480)));
        assertTrue(Files.size(bomb) < 2 * 1024 * 1024, "small on disk: " + Files.size(bomb));
        String target = emptyDatabase();
        Outcome outcome = restore(target, bomb);
        assertEquals(1, outcome.code(), outcome.said());
        assertTrue(outcome.said().contains("more than its manifest says"), outcome.said());
        assertEquals(0, count(target, "contests"));

        // The same entry declared at its real size is read to its end, as a stream, and refused on its rows.
        String manifest = entry("manifest.txt").lines().map(l -> l.startsWith("table\tcontests\t")
                ? String.join("\t", List.of("table", "contests", "1", String.valueOf(480L * 1024 * 1024), l.split("\t")[4])) : l)
                .reduce("", (a, b) -> a + b + "\n");
        Path declared = edited("declared.zip", Map.of("data/contests.csv", repeated(480),
                "manifest.txt", out -> out.write(manifest.getBytes(StandardCharsets.UTF_8))));
        outcome = restore(target, declared);
        assertEquals(1, outcome.code(), outcome.said());
        assertTrue(outcome.said().contains("data/contests.csv holds " + 480 * 1024 * 1024 / 4 + " rows"), outcome.said());
        assertEquals(0, count(target, "contests"));
    }

    @Test
    void aTablePastTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        String manifest = entry("manifest.txt").lines().map(l -> l.startsWith("table\taudit_log\t")
                ? String.join("\t", List.of("table", "audit_log", "1", String.valueOf(9L << 30), l.split("\t")[4])) : l)
                .reduce("", (a, b) -> a + b + "\n");
        Path big = edited("big.zip", Map.of("manifest.txt", out -> out.write(manifest.getBytes(StandardCharsets.UTF_8))));
        String target = emptyDatabase();
        Outcome outcome = restore(target, big);
        assertEquals(1, outcome.code(), outcome.said());
        assertTrue(outcome.said().contains("audit_log is 9216 MB, past the limit of 8192 MB a table"), outcome.said());
    }
}
