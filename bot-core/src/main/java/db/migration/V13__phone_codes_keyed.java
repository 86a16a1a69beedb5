package db.migration;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.contest.core.verify.PhoneKey;

/**
 * The phone numbers of the one-time codes already stored become keyed hashes ({@link PhoneKey}), under the
 * same key the app uses from now on, and the number itself is dropped. Java because the hash needs the key,
 * which SQL here cannot compute (no pgcrypto on the embedded server). The key is made only if there is a row to
 * hash: an empty database stays empty, so a backup can be restored into it.
 */
public class V13__phone_codes_keyed extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean any;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM phone_codes)")) {
            rs.next();
            any = rs.getBoolean(1);
        }
        if (any) {
            byte[] key = key(c);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, phone FROM phone_codes");
                    PreparedStatement update = c.prepareStatement("UPDATE phone_codes SET phone_key = ? WHERE id = ?")) {
                while (rs.next()) {
                    update.setBytes(1, PhoneKey.of(key, rs.getString("phone")));
                    update.setLong(2, rs.getLong("id"));
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE phone_codes DROP COLUMN phone");
            s.execute("ALTER TABLE phone_codes ALTER COLUMN phone_key SET NOT NULL");
            s.execute("CREATE INDEX phone_codes_phone_key ON phone_codes (phone_key, created_at)");
        }
    }

    /** The key as AppKeys makes it: 32 random bytes, the first writer's kept. */
    private static byte[] key(Connection c) throws SQLException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO app_keys (name, key) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, PhoneKey.KEY_NAME);
            insert.setBytes(2, fresh);
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement("SELECT key FROM app_keys WHERE name = ?")) {
            select.setString(1, PhoneKey.KEY_NAME);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
