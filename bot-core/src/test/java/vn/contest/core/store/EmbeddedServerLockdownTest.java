package vn.contest.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's embedded server asks every connection for a password, and the app's own role is no superuser:
 * a local process can no longer read the participants, add an admin or run programs through the database.
 */
class EmbeddedServerLockdownTest {

    static Connection as(EmbeddedPostgresServer pg, String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(database), user, password);
    }

    static void refusesStrangers(EmbeddedPostgresServer pg) {
        assertThrows(SQLException.class, () -> as(pg, "postgres", "postgres", null).close(), "no password");
        assertThrows(SQLException.class, () -> as(pg, "postgres", "postgres", "postgres").close(), "the library's default password");
        assertThrows(SQLException.class, () -> as(pg, pg.secrets().database(), "contest", "guess").close(), "a wrong password");
    }

    @Test
    void aNewDataDirectoryIsLockedFromTheFirstStart(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.durable(dir.resolve("postgres"), dir.resolve("secrets.properties"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.properties"))));
            refusesStrangers(pg);
            try (Connection app = as(pg, pg.secrets().database(), pg.secrets().appUser(), pg.secrets().appPassword());
                 Statement s = app.createStatement()) {
                var rs = s.executeQuery("SELECT rolsuper, current_setting('listen_addresses') FROM pg_roles WHERE rolname = current_user");
                rs.next();
                assertFalse(rs.getBoolean(1), "the app's role is no superuser");
                assertEquals("localhost", rs.getString(2), "loopback only");
                SQLException program = assertThrows(SQLException.class, () -> s.execute("COPY (SELECT 1) TO PROGRAM 'true'"));
                assertEquals("42501", program.getSQLState(), "running programs is refused");
            }
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.durable(dir.resolve("postgres"), dir.resolve("secrets.properties"));
             Database db = Database.connect(again.appJdbcUrl(), again.secrets().appUser(), again.secrets().appPassword(), 2)) {
            refusesStrangers(again);
            String owner = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT tableowner FROM pg_tables WHERE tablename = 'participants'").mapTo(String.class).one());
            assertEquals("contest", owner, "a restart keeps the passwords; the migrations ran as the app's role");
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsIsLockedInPlaceAndKeepsItsData(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE participants_then (name text)");
            s.execute("INSERT INTO participants_then VALUES ('Nguyễn Văn Cũ')");
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.durable(dir.resolve("postgres"), dir.resolve("secrets.properties"))) {
            assertTrue(Files.readString(dir.resolve("postgres/pg_hba.conf")).contains("scram-sha-256"));
            refusesStrangers(pg);
            assertEquals("postgres", pg.secrets().database(), "the data stays where it was");
            try (Connection app = as(pg, pg.secrets().database(), pg.secrets().appUser(), pg.secrets().appPassword());
                 Statement s = app.createStatement()) {
                var rs = s.executeQuery("SELECT name FROM participants_then");
                rs.next();
                assertEquals("Nguyễn Văn Cũ", rs.getString(1));
                s.execute("INSERT INTO participants_then VALUES ('Trần Thị Mới')");
            }
        }
    }
}
