package vn.contest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ContestStore;
import vn.contest.core.message.ChatRef;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.Inbound;
import vn.contest.core.store.Database;
import vn.contest.core.store.EmbeddedPostgresServer;

/**
 * Server time for one full paper of the demo contest (start, 10 answers typed as letters, the prediction:
 * 12 inbound messages, each its own transaction), measured on the app's durable embedded PostgreSQL and on
 * the library's default (fsync off) side by side, in the same run.
 *
 * <p>Run: {@code mvn -B -q -pl bench -am package -DskipTests && java -jar bench/target/contest-bench.jar [papers]}
 */
public final class AttemptBench {
    private AttemptBench() {}

    public static void main(String[] args) throws IOException {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double[] durable;
        double[] fast;
        try (ScratchDir data = ScratchDir.create("bench-pg");
             EmbeddedPostgresServer pg = EmbeddedPostgresServer.durable(data.resolve("postgres"), data.resolve("secrets.properties"));
             Database db = Database.connect(pg.appJdbcUrl(), pg.secrets().appUser(), pg.secrets().appPassword(), 4)) {
            durable = run(db.jdbi(), papers, "durable");
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.ephemeral();
             Database db = Database.connect(pg.jdbcUrl("postgres"), "postgres", "postgres", 4)) {
            fast = run(db.jdbi(), papers, "fsync-off");
        }
        System.out.printf(Locale.ROOT, "%-10s %8s %8s %8s%n", "server", "median", "p95", "mean");
        print("durable", durable);
        print("fsync-off", fast);
        System.out.printf(Locale.ROOT, "durable / fsync-off, median: %.2fx%n", median(durable) / median(fast));
    }

    private static double[] run(Jdbi jdbi, int papers, String label) throws IOException {
        ContestConfig config;
        try (InputStream in = resource("examples/demo/contest.yaml")) {
            config = ContestConfigLoader.load(in, "demo", LocalDate.now());
        }
        // No caps, so one person per paper is not needed; each paper still has its own chat and person.
        config = new ContestConfig(config.code(), config.title(), config.organizer(), config.province(), config.timezone(),
                config.opensAt(), config.closesAt(), config.rounds(), config.eligibility(), config.registration(), config.paper(),
                new ContestConfig.AttemptPolicy(0, 0, 0, config.attempts().counted()), config.answers(), config.prizes(),
                config.exclusions(), config.topics(), config.units(), config.rules(), config.groups(), config.practice(), config.reminders());
        Contest contest = ContestStore.install(jdbi, config);
        try (InputStream in = resource("examples/bac-kan-2023/questions.csv")) {
            new QuestionImporter(jdbi).importFile(contest, in.readAllBytes());
        }
        Dialogue dialogue = new Dialogue(jdbi, contest, Clock.systemUTC(), new PaperDrawer());
        int warmup = Math.max(20, papers / 10);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + papers; i++) {
            ChatRef chat = new ChatRef("bench", label + "-" + i);
            register(dialogue, chat, i);
            long start = System.nanoTime();
            int n = 0;
            dialogue.handle(Inbound.text(chat, chat.externalId() + "-" + n++, "thi"));
            for (int q = 0; q < config.paper().questions(); q++) {
                dialogue.handle(Inbound.text(chat, chat.externalId() + "-" + n++, "b"));
            }
            dialogue.handle(Inbound.text(chat, chat.externalId() + "-" + n++, "1.234"));
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= warmup) {
                millis.add(ms);
            }
        }
        return millis.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void register(Dialogue dialogue, ChatRef chat, int i) {
        String[] steps = {"xin chào", "đồng ý", "Nguyễn Văn Đo", "01/01/1990", String.format("09%08d", i), "2", "1", "xác nhận"};
        for (int s = 0; s < steps.length; s++) {
            dialogue.handle(Inbound.text(chat, chat.externalId() + "-reg-" + s, steps[s]));
        }
    }

    private static void print(String label, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-10s %6.1f ms %6.1f ms %6.1f ms  (%d papers)%n", label, median(ms),
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], Arrays.stream(ms).average().orElse(0), ms.length);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static InputStream resource(String name) {
        InputStream in = AttemptBench.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing " + name);
        }
        return in;
    }
}
