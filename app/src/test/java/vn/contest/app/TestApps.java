package vn.contest.app;

import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Clock;
import vn.contest.core.testing.TestDatabase;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebConfig;
import vn.contest.zalo.ZaloConfig;

/** Starts the real app (demo contest, port chosen by the OS) on a new database of the tests' shared server. */
final class TestApps {
    static final String ADMIN_PASSWORD = "Ban-To-Chuc-2023!";

    private TestApps() {}

    static App onSharedServer(String database, Clock clock) throws Exception {
        return onSharedServer(database, clock, null);
    }

    static App onSharedServer(String database, Clock clock, TelegramConfig telegram) throws Exception {
        return onSharedServer(database, clock, telegram, null);
    }

    static App onSharedServer(String database, Clock clock, TelegramConfig telegram, ZaloConfig zalo) throws Exception {
        return onSharedServer(database, clock, telegram, zalo, WebConfig.UNLIMITED);
    }

    static App onSharedServer(String database, Clock clock, TelegramConfig telegram, ZaloConfig zalo, WebConfig web) throws Exception {
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        return onExistingDatabase(database, clock, telegram, zalo, web);
    }

    /** An app serving every contest of {@code contestDir} (CONTEST_DIR), on a new database of the shared server. */
    static App withContests(String database, Clock clock, java.nio.file.Path contestDir) throws Exception {
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        return App.start(new AppConfig("127.0.0.1", 0, Files.createTempDirectory("unused"),
                TestDatabase.server().jdbcUrl(database), "postgres", "postgres", contestDir, null, null, ADMIN_PASSWORD,
                "https://thi.example.gov.vn", WebConfig.UNLIMITED, AppConfig.DEFAULT_MAX_UPLOAD_MB, 60, "test-metrics-token"), clock);
    }

    /**
     * A CONTEST_DIR with the demo contest and a second one beside it (another code and title), each with the
     * sample bank: two contests open at once.
     */
    static java.nio.file.Path twoContests() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().getParent();
        String demo = Files.readString(root.resolve("examples/demo/contest.yaml"));
        java.nio.file.Path dir = Files.createTempDirectory("contests");
        for (String[] c : new String[][] {{"demo-bac-kan", demo},
                {"luat-2026", demo.replace("code: demo-bac-kan", "code: luat-2026")
                        .replace("title: \"Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn\"", "title: \"Tìm hiểu pháp luật 2026\"")}}) {
            java.nio.file.Path folder = Files.createDirectories(dir.resolve(c[0]));
            Files.writeString(folder.resolve("contest.yaml"), c[1]);
            Files.copy(root.resolve("examples/bac-kan-2023/questions.csv"), folder.resolve("questions.csv"));
        }
        return dir;
    }

    /** Another instance on a database an app already uses, as a second server behind the same proxy. */
    static App onExistingDatabase(String database, Clock clock, TelegramConfig telegram, ZaloConfig zalo, WebConfig web) throws Exception {
        return App.start(new AppConfig("127.0.0.1", 0, Files.createTempDirectory("unused"),
                TestDatabase.server().jdbcUrl(database), "postgres", "postgres", null, telegram, zalo, ADMIN_PASSWORD,
                "https://thi.example.gov.vn", web, AppConfig.DEFAULT_MAX_UPLOAD_MB, 60, "test-metrics-token"), clock);
    }
}
