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

    /** Another instance on a database an app already uses, as a second server behind the same proxy. */
    static App onExistingDatabase(String database, Clock clock, TelegramConfig telegram, ZaloConfig zalo, WebConfig web) throws Exception {
        return App.start(new AppConfig("127.0.0.1", 0, Files.createTempDirectory("unused"),
                TestDatabase.server().jdbcUrl(database), "postgres", "postgres", null, telegram, zalo, ADMIN_PASSWORD,
                "https://thi.example.gov.vn", web, AppConfig.DEFAULT_MAX_UPLOAD_MB, 60, "test-metrics-token"), clock);
    }
}
