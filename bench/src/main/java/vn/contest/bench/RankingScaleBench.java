package vn.contest.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.pages.ResultsPage;
import vn.contest.admin.pages.Verification;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ContestStore;
import vn.contest.core.ranking.PrizeProposal;
import vn.contest.core.ranking.RankingQuery;
import vn.contest.core.ranking.RoundResults;
import vn.contest.core.ranking.TopRanking;
import vn.contest.core.report.ParticipationCounts;
import vn.contest.core.report.ParticipationReport;
import vn.contest.core.store.Database;
import vn.contest.core.store.EmbeddedPostgresServer;

/**
 * The committee's reads at a national scale: a generator writes {@code participants} people (70% with a verified
 * phone), a chat each, and {@code papers} finished papers spread over them in the demo contest's first round,
 * straight in SQL, and builds {@code round_results} from them; then the top-100 of one group, the whole prize
 * proposal and the dashboard's queries are timed (best of three), on the durable embedded server, and the full
 * ranking export is written (streamed) with the heap it took. Papers are written without their question rows: rankings and
 * dashboards never read those.
 *
 * <p>With {@code contests} above 1 (several contests open at once in one database), the people and papers are
 * split evenly between that many copies of the demo contest, and the top-100 and the proposal are timed in each.
 *
 * <p>Run: {@code mvn -B -q -pl bench -am package -DskipTests && java -Xmx512m -cp bench/target/contest-bench.jar
 * vn.contest.bench.RankingScaleBench [participants] [papers] [contests]} (default 1,000,000, 3,000,000 and 1).
 */
public final class RankingScaleBench {
    private RankingScaleBench() {}

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int papers = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
        int contestCount = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (ScratchDir data = ScratchDir.create("ranking-bench");
             EmbeddedPostgresServer pg = EmbeddedPostgresServer.durable(data.resolve("postgres"), data.resolve("secrets.properties"));
             Database db = Database.connect(pg.appJdbcUrl(), pg.secrets().appUser(), pg.secrets().appPassword(), 4)) {
            Jdbi jdbi = db.jdbi();
            ContestConfig config;
            try (InputStream in = AttemptBench.class.getClassLoader().getResourceAsStream("examples/demo/contest.yaml")) {
                config = ContestConfigLoader.load(in, "demo", LocalDate.now());
            }
            java.util.List<Contest> contests = new java.util.ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < contestCount; i++) {
                ContestConfig each = i == 0 ? config : ContestConfigLoader.load(new java.io.ByteArrayInputStream(
                        new String(AttemptBench.class.getClassLoader().getResourceAsStream("examples/demo/contest.yaml").readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8).replace("code: demo-bac-kan", "code: demo-" + i)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "demo-" + i, LocalDate.now());
                Contest installed = ContestStore.install(jdbi, each);
                contests.add(installed);
                generate(jdbi, installed, participants / contestCount, papers / contestCount);
            }
            Contest contest = contests.get(0);
            System.out.printf(Locale.ROOT, "generated %,d participants and %,d finished papers in %d contest(s) in %.0f s%n",
                    participants, papers, contestCount, (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            for (Contest c : contests) {
                jdbi.useTransaction(h -> RoundResults.rebuild(h, c.id(), config.attempts().counted()));
                jdbi.useTransaction(h -> ParticipationCounts.rebuild(h, c.id(), config.timezone()));
            }
            jdbi.useHandle(h -> {
                h.execute("VACUUM ANALYZE round_results");
                h.execute("VACUUM ANALYZE participation_counts");
                h.execute("VACUUM ANALYZE participants");
            });
            System.out.printf(Locale.ROOT, "built round_results and participation_counts (done once; then kept as people register "
                            + "and papers finish) in %.0f s%n",
                    (System.nanoTime() - started) / 1e9);
            long round = contest.rounds().get(0).id();
            time("actual participants of the round (tie-break)", () -> jdbi.withHandle(h -> RankingQuery.actualParticipants(h, config, round)));
            long actual = jdbi.withHandle(h -> RankingQuery.actualParticipants(h, config, round));
            time("top-100 of one round and group", () -> jdbi.withHandle(h -> TopRanking.top(h, config, round, 2, actual, 100).size()));
            time("the whole prize proposal", () -> jdbi.withHandle(h -> PrizeProposal.of(h, contest).individual().size()));
            for (Contest other : contests.subList(1, contests.size())) {
                long r = other.rounds().get(0).id();
                long n = jdbi.withHandle(h -> RankingQuery.actualParticipants(h, other.config(), r));
                time("top-100 of one round and group, contest " + other.config().code(),
                        () -> jdbi.withHandle(h -> TopRanking.top(h, other.config(), r, 2, n, 100).size()));
                time("the whole prize proposal, contest " + other.config().code(),
                        () -> jdbi.withHandle(h -> PrizeProposal.of(h, other).individual().size()));
            }
            time("dashboard: totals", () -> jdbi.withHandle(h -> ParticipationReport.totals(h, contest.id())));
            time("dashboard: papers per day", () -> jdbi.withHandle(h -> ParticipationReport.days(h, contest.id()).size()));
            time("dashboard: per group", () -> jdbi.withHandle(h -> ParticipationReport.groups(h, contest.id()).size()));
            time("dashboard: per unit", () -> jdbi.withHandle(h -> ParticipationReport.units(h, contest.id()).size()));
            time("dashboard: practice", () -> jdbi.withHandle(h -> ParticipationReport.practice(h, contest.id())));
            time("whole ranking of one round and group, in memory", () -> jdbi.withHandle(h -> wholeRanking(h, config, round, 2, actual)));
            exportRanking(jdbi, contest);
        }
    }

    private static void generate(Jdbi jdbi, Contest contest, int participants, int papers) {
        long round = contest.rounds().get(0).id();
        long[] units = contest.units().stream().mapToLong(vn.contest.core.contest.Unit::id).toArray();
        jdbi.useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO participants (contest_id, full_name, birth_date, phone, group_no, unit_id, registered_at,
                                              phone_verified_via, phone_verified_at)
                    SELECT :c, 'Người Thử ' || g, DATE '1980-01-01' + (g % 15000), '09' || lpad(g::text, 8, '0'), 1 + g % 2,
                           (:units)[1 + g % cardinality(:units)], now() - (g % 20) * interval '1 day',
                           CASE WHEN g % 10 < 7 THEN 'telegram' END, CASE WHEN g % 10 < 7 THEN now() END
                    FROM generate_series(1, :n) g""")
                    .bind("c", contest.id()).bind("units", units).bind("n", participants).execute();
            h.createUpdate("""
                    INSERT INTO chat_accounts (contest_id, channel, external_id, participant_id, state)
                    SELECT :c, 'telegram', p.id::text, p.id, 'READY' FROM participants p WHERE p.contest_id = :c""")
                    .bind("c", contest.id()).execute();
            h.createUpdate("""
                    INSERT INTO attempts (contest_id, participant_id, round_id, chat_account_id, group_no, status, question_count,
                                          current_position, score, prediction, started_at, deadline_at, finished_at,
                                          finish_reason, duration_ms)
                    SELECT :c, p.id, :r, ca.id, p.group_no, 'finished', 10, 10, (k * 7 + p.id) % 11, 10000 + (p.id * 37 + k) % 5000,
                           now() - interval '1 hour', now() - interval '50 minutes', now() - interval '1 hour' + d * interval '1 ms',
                           'completed', d
                    FROM generate_series(0, :papers - 1) k
                    JOIN participants p ON p.id = (SELECT min(id) FROM participants WHERE contest_id = :c) + k % :n
                    JOIN chat_accounts ca ON ca.participant_id = p.id
                    CROSS JOIN LATERAL (SELECT 60000 + (k::bigint * 7919) % 500000 AS d) x""")
                    .bind("c", contest.id()).bind("r", round).bind("papers", papers).bind("n", participants).execute();
            h.execute("VACUUM ANALYZE participants");
            h.execute("VACUUM ANALYZE chat_accounts");
            h.execute("VACUUM ANALYZE attempts");
        });
    }

    /** The committee's full ranking download (every round and group) written to nowhere, with the heap it took. */
    private static void exportRanking(Jdbi jdbi, Contest contest) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(20_000_000);
            }
        });
        sampler.start();
        long t = System.nanoTime();
        CountingOutputStream out = new CountingOutputStream();
        new ResultsPage(jdbi, () -> contest, java.time.Clock.systemUTC(), new Verification(java.util.List.of()), code -> { }).writeRanking(out);
        double seconds = (System.nanoTime() - t) / 1e9;
        running.set(false);
        sampler.join();
        System.out.printf(Locale.ROOT, "%-70s %10.0f ms  (%,d bytes of .xlsx; heap %d MB before, at most %d MB during)%n",
                "ranking export, every round and group, streamed", seconds * 1000, out.count,
                before >> 20, peak.get() >> 20);
    }

    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static void time(String what, Supplier<Object> query) {
        double best = Double.MAX_VALUE;
        Object result = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            result = query.get();
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-70s %10.0f ms  (%s)%n", what, best, result);
    }

    /** One group's whole ranking held in memory, as the export no longer does: how many lines it has. */
    private static int wholeRanking(org.jdbi.v3.core.Handle h, vn.contest.core.config.ContestConfig config, long round, int group, long actual) {
        java.util.List<vn.contest.core.ranking.RankedEntry> lines = new java.util.ArrayList<>();
        RankingQuery.stream(h, config, round, group, actual, lines::add);
        return lines.size();
    }
}
