package vn.contest.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.bank.ImportReport;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ContestStore;
import vn.contest.core.ranking.RoundResults;
import vn.contest.core.report.ParticipationCounts;

/** Loads the contest file (or the built-in demo), writes it to the database and seeds an empty question bank. */
final class ContestLoader {
    private static final Logger log = LoggerFactory.getLogger(ContestLoader.class);
    static final String DEMO = "examples/demo/contest.yaml";
    static final String SAMPLE_BANK = "examples/bac-kan-2023/questions.csv";

    private ContestLoader() {}

    /**
     * Every contest of the deployment: each folder of CONTEST_DIR that holds a contest.yaml (in name order), or
     * the one CONTEST_FILE, or the demo. Each is installed and kept in step as one contest file always was.
     */
    static List<Contest> loadAll(Jdbi jdbi, Path source, Clock clock) {
        if (source == null || !Files.isDirectory(source)) {
            return List.of(load(jdbi, source, clock));
        }
        List<Path> files;
        try (var folders = Files.list(source)) {
            files = folders.filter(Files::isDirectory).map(d -> d.resolve("contest.yaml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new vn.contest.core.config.BadSetting("CONTEST_DIR", "cannot read " + source + " (" + e.getMessage() + ")",
                    "Give a folder this user can read");
        }
        if (files.isEmpty()) {
            throw new vn.contest.core.config.BadSetting("CONTEST_DIR", source + " has no folder with a contest.yaml in it",
                    "Put each contest in a folder of its own: CONTEST_DIR/<code>/contest.yaml, with its bank beside it");
        }
        return files.stream().map(f -> load(jdbi, f, clock)).toList();
    }

    /** The contest named by its code among those loaded, or the only one. */
    static Contest pick(List<Contest> contests, String code) {
        if (code == null) {
            if (contests.size() == 1) {
                return contests.get(0);
            }
            throw new IllegalArgumentException("Several contests are configured: name one with --contest CODE ("
                    + String.join(", ", contests.stream().map(c -> c.config().code()).toList()) + ")");
        }
        return contests.stream().filter(c -> c.config().code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No contest with the code " + code));
    }

    static Contest load(Jdbi jdbi, Path contestFile, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        ContestConfig config;
        if (contestFile == null) {
            try (InputStream in = resource(DEMO)) {
                config = ContestConfigLoader.load(in, DEMO, today);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try (InputStream in = Files.newInputStream(contestFile)) {
                config = ContestConfigLoader.load(in, contestFile.toString(), today);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the contest file " + contestFile, e);
            }
        }
        Contest contest = ContestStore.installFromFile(jdbi, config);
        // Tables kept as papers finish, built here from what is already there when they are new (or the policy changed).
        // The rules as stored (an unchanged file leaves the committee's edits in force), not as the file says.
        if (jdbi.inTransaction(h -> RoundResults.ensureBuilt(h, contest.id()))) {
            log.info("Round results built for the counting policy {}", contest.config().attempts().counted());
        }
        if (jdbi.inTransaction(h -> ParticipationCounts.ensureBuilt(h, contest.id(), contest.config().timezone()))) {
            log.info("Participation counted for the dashboard");
        }
        seedBank(jdbi, contest, contestFile);
        log.info("Contest {} loaded: {} round(s), {} units, {} topics", config.code(), contest.rounds().size(),
                contest.units().size(), contest.topics().size());
        return contest;
    }

    /**
     * An empty bank gets the questions shipped beside the contest file (questions.xlsx or questions.csv), or the
     * sample bank for the demo, so the contest is playable from the first start.
     */
    private static void seedBank(Jdbi jdbi, Contest contest, Path contestFile) {
        QuestionImporter importer = new QuestionImporter(jdbi);
        if (importer.activeCount(contest) > 0) {
            return;
        }
        Optional<byte[]> seed;
        String source;
        if (contestFile == null) {
            source = SAMPLE_BANK;
            try (InputStream in = resource(SAMPLE_BANK)) {
                seed = Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            Path dir = contestFile.toAbsolutePath().getParent();
            Optional<Path> file = List.of("questions.xlsx", "questions.csv").stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
            source = file.map(Path::toString).orElse(null);
            seed = file.map(ContestLoader::read);
        }
        if (seed.isEmpty()) {
            log.warn("The question bank of {} is empty: import one with `import-questions FILE`", contest.config().code());
            return;
        }
        ImportReport report = importer.importFile(contest, seed.get());
        if (report.ok()) {
            log.info("Question bank seeded with {} questions from {}", report.imported(), source);
        } else {
            log.warn("Question bank seed {} was not imported:\n{}", source, String.join("\n",
                    report.problems().stream().map(Object::toString).toList()));
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ContestLoader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing bundled resource " + name);
        }
        return in;
    }
}
