package vn.contest.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server shipped in a Maven artifact. The library starts it with fsync and synchronous
 * commit off and trusts every local connection as superuser, which is fine for throw-away test data
 * ({@link #ephemeral}). The app's server ({@link #durable}) keeps every commit on disk, listens on loopback
 * only, and asks every connection for a password (scram-sha-256): the superuser's and the app's own role's
 * are random, kept in a file only the app's user can read ({@link DatabaseSecrets}); the app connects as a
 * role that owns the contest's database and is no superuser.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The pg_hba.conf of a locked server: a password for everyone, on loopback only. */
    static final String LOCKED_HBA = """
            # Written by the contest app: every connection needs a password (scram-sha-256), loopback only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final DatabaseSecrets secrets;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DatabaseSecrets secrets) {
        this.postgres = postgres;
        this.secrets = secrets;
    }

    /**
     * The app's server: data kept under {@code dataDir} across restarts, every commit on disk, a password for
     * every connection. A data directory from before passwords is locked at its first start here.
     */
    public static EmbeddedPostgresServer durable(Path dataDir, Path secretsFile) {
        try {
            Files.createDirectories(dataDir);
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            boolean trusting = !fresh && Files.readString(dataDir.resolve("pg_hba.conf")).lines()
                    .anyMatch(line -> !line.strip().startsWith("#") && line.contains("trust"));
            if (!fresh && !trusting && !Files.exists(secretsFile)) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " asks for passwords, but " + secretsFile
                        + " which holds them is missing: restore it from the same backup as the data.");
            }
            // Before passwords the app kept its tables in the "postgres" database, and pg_hba.conf trusted everyone.
            DatabaseSecrets secrets = DatabaseSecrets.loadOrCreate(secretsFile, fresh ? "contest" : "postgres");
            boolean upgrade = trusting;
            Path pwfile = Files.createTempFile("pg-superuser", ".pw");
            try {
                DatabaseSecrets.writePrivately(pwfile, secrets.superuserPassword());
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("timezone", "UTC")
                        // A new cluster gets the superuser's password and password checks from initdb itself.
                        .setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", pwfile.toString())
                        // The library's own readiness check connects as the superuser (a trusting old cluster ignores it).
                        .setConnectConfig("password", secrets.superuserPassword());
                if (!upgrade) {
                    builder.setDataDirectoryCustomizer(dir -> lockHba(dir.toPath()));
                }
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), secrets);
                server.prepare(upgrade, dataDir);
                return server;
            } finally {
                Files.deleteIfExists(pwfile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot secure the embedded PostgreSQL in " + dataDir + ": " + e.getSQLState(), e);
        }
    }

    /** A throw-away server for tests: fast, nothing kept, every local connection trusted. */
    public static EmbeddedPostgresServer ephemeral() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * Makes sure the app's role and database exist and own the contest's tables. On a data directory from
     * before passwords (still trusting), it first sets the superuser's password, and last locks pg_hba.conf.
     */
    private void prepare(boolean upgrade, Path dataDir) throws SQLException {
        String role = DatabaseSecrets.APP_ROLE;
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres",
                upgrade ? null : secrets.superuserPassword()); Statement s = c.createStatement()) {
            if (upgrade) {
                s.execute("ALTER ROLE postgres PASSWORD " + literal(secrets.superuserPassword()));
            }
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = " + literal(role))) {
                s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + literal(secrets.appPassword()));
            }
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = " + literal(secrets.database()))) {
                s.execute("CREATE DATABASE " + secrets.database() + " OWNER " + role);
            }
            s.execute("ALTER DATABASE " + secrets.database() + " OWNER TO " + role);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(secrets.database()), "postgres",
                secrets.superuserPassword()); Statement s = c.createStatement()) {
            // Tables made by the superuser (before passwords) pass to the app's role; a no-op otherwise.
            s.execute("ALTER SCHEMA public OWNER TO " + role);
            s.execute("""
                    DO $$ DECLARE r record; BEGIN
                      FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                                 AND pg_get_userbyid(c.relowner) <> 'contest' LOOP
                        EXECUTE format('ALTER TABLE public.%I OWNER TO contest', r.relname);
                      END LOOP;
                    END $$""");
            if (upgrade) {
                lockHba(dataDir);
                s.execute("SELECT pg_reload_conf()");
                log.warn("The embedded PostgreSQL trusted every local connection; from now on it asks each for a password, "
                        + "kept in {} (readable by this user only).", secrets.file());
            }
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (var rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    private static void lockHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), LOCKED_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + dataDir, e);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A JDBC URL for a database on this server (the user and password are given on connecting). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** The URL of the contest's database, for the app's role. */
    public String appJdbcUrl() {
        return jdbcUrl(secrets.database());
    }

    /** The app's credentials on a {@link #durable} server. */
    public DatabaseSecrets secrets() {
        return secrets;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
