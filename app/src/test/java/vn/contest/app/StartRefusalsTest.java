package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestDatabase;

/**
 * `java -jar contest-app.jar serve` as the operator runs it (Main in its own JVM) with one thing wrong: a weak
 * ADMIN_PASSWORD, a contest file with problems or none at all, a setting that is not a number. Each ends the start
 * with one line that says what, where and how to fix it, exit status 78 (EX_CONFIG), and no stack trace.
 */
class StartRefusalsTest {
    record Ended(int code, String output) {
        List<String> refusals() {
            return output.lines().filter(l -> l.contains("Cannot start")).toList();
        }
    }

    static Ended serve(Map<String, String> settings) throws Exception {
        Path log = Files.createTempFile("start-refusal", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        Map<String, String> env = new HashMap<>(Map.of("HOST", "127.0.0.1", "PORT", String.valueOf(ChildApp.freePort()),
                "DATA_DIR", Files.createTempDirectory("refused-data").toString()));
        env.putAll(settings);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the app started instead of refusing: " + Files.readString(log));
        }
        return new Ended(p.exitValue(), Files.readString(log));
    }

    /** A new database on the tests' shared server, as an operator's DATABASE_URL. */
    static Map<String, String> freshDatabase(String name) throws Exception {
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return Map.of("DATABASE_URL", TestDatabase.server().jdbcUrl(name), "DATABASE_USER", "postgres", "DATABASE_PASSWORD", "postgres");
    }

    static void assertRefusedInOneLine(Ended ended, String expected) {
        assertEquals(StartRefusal.EXIT_CODE, ended.code(), ended.output());
        assertEquals(1, ended.refusals().size(), ended.output());
        assertTrue(ended.refusals().get(0).startsWith("Cannot start: " + expected), ended.output());
        assertFalse(ended.output().contains("Exception") || ended.output().contains("\tat "), "no stack trace: " + ended.output());
    }

    @Test
    void aWeakAdminPasswordEndsTheStartWithOneLine() throws Exception {
        Map<String, String> settings = new HashMap<>(freshDatabase("refused_admin_password"));
        settings.put("ADMIN_PASSWORD", "123456789012");
        Ended ended = serve(settings);
        assertRefusedInOneLine(ended, "ADMIN_PASSWORD: the password rules refuse it");
        assertTrue(ended.refusals().get(0).contains("leave ADMIN_PASSWORD unset"), "how to fix it: " + ended.output());
        assertFalse(ended.output().contains("123456789012"), "the password itself is not printed");
    }

    @Test
    void aContestFileWithProblemsOrNoneEndsTheStartWithOneLine() throws Exception {
        Path file = Files.createTempDirectory("bad-contest").resolve("contest.yaml");
        Files.writeString(file, "code: thu-nghiem\ntitle: Cuộc thi thử\nopensAt: 2030-05-01T08:00\ncloseAt: 2030-04-01T08:00\n");
        Map<String, String> settings = new HashMap<>(freshDatabase("refused_contest_file"));
        settings.put("CONTEST_FILE", file.toString());
        Ended ended = serve(settings);
        assertRefusedInOneLine(ended, file + " has ");
        assertTrue(ended.refusals().get(0).contains("closeAt") && ended.refusals().get(0).endsWith("Correct the contest file and start again."),
                ended.output());

        Ended missing = serve(Map.of("CONTEST_FILE", file.resolveSibling("khong-co.yaml").toString()));
        assertRefusedInOneLine(missing, "CONTEST_FILE: \"" + file.resolveSibling("khong-co.yaml") + "\" does not exist");

        Map<String, String> empty = new HashMap<>(freshDatabase("refused_contest_dir"));
        empty.put("CONTEST_DIR", Files.createTempDirectory("no-contests").toString());
        assertRefusedInOneLine(serve(empty), "CONTEST_DIR: ");
    }

    @Test
    void aSettingThatIsNotANumberEndsTheStartWithOneLine() throws Exception {
        assertRefusedInOneLine(serve(Map.of("PORT", "bảy nghìn")), "PORT: \"bảy nghìn\" is not a whole number from 0 to 65535");
        assertRefusedInOneLine(serve(Map.of("ZALO_APP_ID", "111", "ZALO_APP_SECRET", "s", "ZALO_OA_SECRET_KEY", "k",
                "ZALO_ACCESS_TOKEN", "a", "ZALO_REFRESH_TOKEN", "r", "ZNS_DAILY_BUDGET", "nhiều")),
                "ZNS_DAILY_BUDGET: \"nhiều\" is not a whole number from 1 to 1000000");
        assertRefusedInOneLine(serve(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, proxy.local")), "TRUSTED_PROXIES: \"proxy.local\" is not an IP address");
    }
}
