package vn.contest.core.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.bank.ImportReport;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ContestStore;

/** The small contest most tests play: 4 questions a paper, 10 minutes, open from yesterday for ten days. */
public final class TestContest {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private TestContest() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static ContestConfig config() {
        return config(resource("testing/contest.yaml"));
    }

    /** The test contest file with some lines replaced, for tests of other rules. */
    public static ContestConfig config(String yaml) {
        return ContestConfigLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test", today());
    }

    public static String yaml() {
        return resource("testing/contest.yaml");
    }

    /** Installs the contest and its 12-question bank into the database. */
    public static Contest install(Jdbi jdbi, ContestConfig config) {
        Contest contest = ContestStore.install(jdbi, config);
        ImportReport report = new QuestionImporter(jdbi).importFile(contest, bytes("testing/questions.csv"));
        if (!report.ok()) {
            throw new IllegalStateException("test bank did not import: " + report.problems());
        }
        return contest;
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestContest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
