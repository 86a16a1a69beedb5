package vn.contest.core.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded server's passwords (its superuser's and the app's role's) and the name of the contest's
 * database, kept in one file that only the app's own user may read or write (mode 0600). Never logged.
 */
public final class DatabaseSecrets {
    /** The role the app connects as: it owns the contest's database and is no superuser. */
    public static final String APP_ROLE = "contest";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values;

    private DatabaseSecrets(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** Reads the file, or creates it with new random passwords and {@code database}. */
    static DatabaseSecrets loadOrCreate(Path file, String database) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return new DatabaseSecrets(file, p);
        }
        p.setProperty("superuser_password", random());
        p.setProperty("app_password", random());
        p.setProperty("database", database);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "The embedded PostgreSQL's passwords. Keep this file private; a backup needs it.");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new DatabaseSecrets(file, p);
    }

    static void writePrivately(Path file, String content) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, content);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Path file() {
        return file;
    }

    public String database() {
        return values.getProperty("database");
    }

    public String appUser() {
        return APP_ROLE;
    }

    public String appPassword() {
        return values.getProperty("app_password");
    }

    String superuserPassword() {
        return values.getProperty("superuser_password");
    }

    @Override
    public String toString() {
        return "DatabaseSecrets[" + file + "]";
    }
}
