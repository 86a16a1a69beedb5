package vn.contest.core.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestDatabase;

/** One fresh database with two pools on it, as two instances of the app would have. */
final class TwoInstancesDatabase {
    private TwoInstancesDatabase() {}

    static List<Database> open() {
        String name = "pace_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = TestDatabase.server().jdbcUrl(name);
        return List.of(Database.connect(url, "postgres", "postgres", 4), Database.connect(url, "postgres", "postgres", 4));
    }

    /** The most timestamps (nanoTime) that fall in any one-second window. */
    static int busiestSecond(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= 1_000_000_000L) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
