package vn.contest.core.store;

import java.security.SecureRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Secret keys every instance of the app shares, kept in the database and made at first use. */
public final class AppKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppKeys() {}

    /** The 32-byte key named {@code name}, made now if it does not exist yet (the first instance's wins). */
    public static byte[] get(Jdbi jdbi, String name) {
        return jdbi.withHandle(h -> get(h, name));
    }

    /** As above, on a connection already open (inside a transaction, the key is made in it). */
    public static byte[] get(Handle h, String name) {
        var existing = h.createQuery("SELECT key FROM app_keys WHERE name = :n").bind("n", name).mapTo(byte[].class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        h.createUpdate("INSERT INTO app_keys (name, key) VALUES (:n, :k) ON CONFLICT DO NOTHING").bind("n", name).bind("k", fresh).execute();
        return h.createQuery("SELECT key FROM app_keys WHERE name = :n").bind("n", name).mapTo(byte[].class).one();
    }
}
