package vn.contest.core.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.contest.core.store.AppKeys;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestDatabase;

/**
 * The one-time codes keep the phone only as a keyed hash: the codes stored before (V13) are migrated, a pending
 * one still opens, and the sends to one number still count towards its hourly cap.
 */
class PhoneCodesKeyedTest {
    @Test
    void codesStoredWithTheNumberInClearAreMigratedToItsKeyedHashAndStillCount() throws Exception {
        String name = "phone_codes_v12_" + ProcessHandle.current().pid();
        String url = TestDatabase.server().jdbcUrl(name);
        try (Connection c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        // The schema as it was before the numbers were hashed, with a code sent and not yet typed.
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("12").load().migrate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long chat;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.createStatement().execute("INSERT INTO contests (code, title, config) VALUES ('cu', 'Cuộc thi cũ', '{}')");
            var rs = c.createStatement().executeQuery("""
                    INSERT INTO chat_accounts (contest_id, channel, external_id, state) SELECT id, 'web', 'cu', 'PHONE_CODE' FROM contests
                    RETURNING id""");
            rs.next();
            chat = rs.getLong(1);
            var insert = c.prepareStatement("""
                    INSERT INTO phone_codes (chat_account_id, phone, code_hash, created_at, expires_at) VALUES (?, '0913500001', ?, ?, ?)""");
            insert.setLong(1, chat);
            insert.setString(2, PhoneCodes.hash("482913"));
            insert.setObject(3, now.minusSeconds(60).atOffset(java.time.ZoneOffset.UTC));
            insert.setObject(4, now.plusSeconds(240).atOffset(java.time.ZoneOffset.UTC));
            insert.executeUpdate();
        }

        try (Database db = Database.connect(url, "postgres", "postgres", 2)) {
            List<String> columns = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT column_name FROM information_schema.columns WHERE table_name = 'phone_codes'""").mapTo(String.class).list());
            assertTrue(!columns.contains("phone") && columns.contains("phone_key"), "the number itself is gone: " + columns);
            String rows = db.jdbi().withHandle(h -> String.join("\n", h.createQuery("SELECT p::text FROM phone_codes p").mapTo(String.class).list()));
            assertTrue(!rows.contains("913500001"), "nowhere in the rows: " + rows);
            byte[] stored = db.jdbi().withHandle(h -> h.createQuery("SELECT phone_key FROM phone_codes").mapTo(byte[].class).one());
            assertArrayEquals(PhoneKey.of(AppKeys.get(db.jdbi(), PhoneKey.KEY_NAME), "0913500001"), stored, "hashed under the app's key");

            assertEquals(PhoneCodes.Outcome.ACCEPTED, db.jdbi().inTransaction(h -> PhoneCodes.check(h, chat, "0913500001", "482913", now)).outcome(),
                    "the code sent before the migration still opens");
            // Two more to that number within the hour, then its cap: the migrated send counts.
            for (int i = 0; i < 2; i++) {
                assertInstanceOf(PhoneCodes.Issued.class, db.jdbi().inTransaction(h ->
                        PhoneCodes.issue(h, chat, "0913500001", "198.51.100.1", CodeBudget.DEFAULT, now)));
            }
            PhoneCodes.Issue fourth = db.jdbi().inTransaction(h -> PhoneCodes.issue(h, chat, "0913500001", "198.51.100.1", CodeBudget.DEFAULT, now));
            assertEquals(PhoneCodes.Limit.PHONE, assertInstanceOf(PhoneCodes.Refused.class, fourth).limit());
        }
    }
}
