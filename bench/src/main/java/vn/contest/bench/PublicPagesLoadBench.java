package vn.contest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.contest.app.App;
import vn.contest.app.AppConfig;
import vn.contest.core.store.EmbeddedPostgresServer;
import vn.contest.web.WebConfig;

/**
 * Whether a crowd reading the public standings slows the people answering: answers per second through the web
 * chat's API (as {@link AnswerLoadBench}'s "product" route: each person answers as fast as the server replies), in
 * runs alone and runs with about 500 requests a second to {@code /c/<code>/thong-ke} beside them (each a full page
 * as a first visit fetches it, gzip asked as browsers do), alternating, on one server, side by side. The crowd is
 * {@code wrk} when it is installed (twenty connections, each waiting before its next request, the wait adjusted each
 * second so that together they ask about 500 a second), else a Java client here sending a request every 2 ms whatever the replies. The standings
 * are read from the counts at most once a minute and served from memory, so the crowd should cost the answers little.
 *
 * <p>Run: {@code mvn -B -q -pl bench -am package -DskipTests && java -cp bench/target/contest-bench.jar
 * vn.contest.bench.PublicPagesLoadBench [participants] [seconds] [rounds] [connections] [standings/s]}.
 */
public final class PublicPagesLoadBench {
    private static final String CODE = "demo-bac-kan";

    private PublicPagesLoadBench() {}

    record Run(boolean crowd, double answersPerSecond, double answerP50, double answerP99, long answerFailed,
               double pagesPerSecond, double pageP50, double pageP99, long pageFailed, long pageBytes) {}

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int pageRate = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        try (ScratchDir data = ScratchDir.create("public-pages-bench");
             EmbeddedPostgresServer pg = EmbeddedPostgresServer.durable(data.resolve("postgres"), data.resolve("secrets.properties"));
             App app = App.start(new AppConfig("127.0.0.1", 0, data.resolve("app"), pg.appJdbcUrl(), pg.secrets().appUser(),
                     pg.secrets().appPassword(), null, null, null, "Tai-Bench-Chiu-Tai-Kbn7", null, WebConfig.UNLIMITED, 10, 60, null),
                     Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "registering %d participants with open papers...%n", participants);
            List<String[]> people = WebPeople.register(app.port(), participants, i -> String.valueOf(1 + i % 20));
            List<String> cookies = people.stream().map(p -> p[0]).toList();
            long[] lastSeen = people.stream().mapToLong(p -> Long.parseLong(p[1])).toArray();
            String page = "http://127.0.0.1:" + app.port() + "/c/" + CODE + "/thong-ke";
            HttpResponse<byte[]> sample = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf(Locale.ROOT, "standings page: HTTP %d, %d bytes%n", sample.statusCode(), sample.body().length);
            // A fresh JVM compiles the answer's and the page's code during the first minute (a profile of the crowd-alone
            // measurement showed the JIT compiler threads taking 60% of the server's CPU, counted as the crowd's): one
            // run of both together first, not counted.
            reset(pg);
            Run warm = run(app.port(), page, pageRate, connections, seconds, cookies, lastSeen);
            System.out.printf(Locale.ROOT, "warm-up (not counted): %.0f answers/s with %.0f standings requests/s%n",
                    warm.answersPerSecond(), warm.pagesPerSecond());
            if (WRK != null) {
                // What the crowd alone costs this server: its CPU time (wrk is another process) per page served.
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                // Warmed up first (the page's path compiled), then the idle server's own CPU (jobs, GC) measured and taken off.
                wrk(page, pageRate, 5).waitFor();
                long idleStart = os.getProcessCpuTime();
                Thread.sleep(seconds * 1000L);
                long idle = os.getProcessCpuTime() - idleStart;
                long cpu = os.getProcessCpuTime();
                Process crowd = wrk(page, pageRate, seconds);
                String out = new String(crowd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                crowd.waitFor();
                double served = number(out, "Requests/sec:\\s+([\\d.]+)") * seconds;
                double micros = (os.getProcessCpuTime() - cpu - idle) / 1e3 / served;
                System.out.printf(Locale.ROOT, "the crowd alone: %.0f standings requests/s, server CPU %.0f us a request, so %d a second "
                        + "take %.1f%% of one core%n", served / seconds, micros, pageRate, micros * pageRate / 1e4);
            }
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (boolean crowd : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                    reset(pg);
                    Run run = run(app.port(), page, crowd ? pageRate : 0, connections, seconds, cookies, lastSeen);
                    runs.add(run);
                    System.out.printf(Locale.ROOT, "%-16s %7.0f answers/s (p50 %5.1f ms, p99 %6.1f ms, %d failed)  standings %5.0f/s "
                                    + "(p50 %5.1f ms, p99 %6.1f ms, %d failed)%n", crowd ? "with the crowd" : "answers alone",
                            run.answersPerSecond(), run.answerP50(), run.answerP99(), run.answerFailed(), run.pagesPerSecond(),
                            run.pageP50(), run.pageP99(), run.pageFailed());
                }
            }
            summary(runs, connections, pageRate);
        }
    }

    private static void summary(List<Run> runs, int connections, int pageRate) {
        List<Run> alone = runs.stream().filter(r -> !r.crowd()).toList();
        List<Run> crowd = runs.stream().filter(Run::crowd).toList();
        double a = median(alone.stream().map(Run::answersPerSecond).toList());
        double c = median(crowd.stream().map(Run::answersPerSecond).toList());
        System.out.println();
        System.out.printf(Locale.ROOT, "| %d people answering | answers/s (min / median / max) | answer p99 ms (median) | standings requests/s served "
                + "| standings p50 / p99 ms |%n", connections);
        System.out.println("|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| alone | %s | %.1f | - | - |%n", spread(alone), median(alone.stream().map(Run::answerP99).toList()));
        System.out.printf(Locale.ROOT, "| with %d standings requests/s | %s | %.1f | %.0f | %.1f / %.1f |%n", pageRate, spread(crowd),
                median(crowd.stream().map(Run::answerP99).toList()), median(crowd.stream().map(Run::pagesPerSecond).toList()),
                median(crowd.stream().map(Run::pageP50).toList()), median(crowd.stream().map(Run::pageP99).toList()));
        System.out.printf(Locale.ROOT, "answers/s with the crowd / alone (medians): %.3f (a change of %+.1f%%); failed standings requests: %d%n",
                c / a, (c / a - 1) * 100, crowd.stream().mapToLong(Run::pageFailed).sum());
    }

    /** One run: people answering for {@code seconds}, and beside them {@code pageRate} standings requests a second (0: none). */
    private static Run run(int port, String page, int pageRate, int connections, int seconds, List<String> cookies, long[] lastSeen)
            throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(io).build();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        // The crowd: its own client, as other machines would be, and an open loop that does not wait for replies.
        ExecutorService crowdIo = Executors.newFixedThreadPool(2);
        HttpClient crowdHttp = HttpClient.newBuilder().executor(crowdIo).build();
        AtomicLong pagesOk = new AtomicLong();
        AtomicLong pagesFailed = new AtomicLong();
        AtomicLong pageBytes = new AtomicLong();
        List<Long> pageLatencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        Process wrk = pageRate > 0 && WRK != null ? wrk(page, pageRate, seconds) : null;
        if (pageRate > 0 && wrk == null) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(page)).header("Accept-Encoding", "gzip").GET().build();
            ticker.scheduleAtFixedRate(() -> {
                if (System.nanoTime() >= end) {
                    return;
                }
                long sent = System.nanoTime();
                crowdHttp.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                        pagesOk.incrementAndGet();
                        pageBytes.addAndGet(r.body().length);
                        pageLatencies.add(System.nanoTime() - sent);
                    } else {
                        pagesFailed.incrementAndGet();
                    }
                });
            }, 0, 1_000_000L / pageRate, TimeUnit.MICROSECONDS);
        }
        ExecutorService users = Executors.newFixedThreadPool(connections);
        for (int u = 0; u < connections; u++) {
            int user = u;
            String nonce = UUID.randomUUID().toString().substring(0, 8);
            users.submit(() -> {
                int share = cookies.size() / connections;
                for (long n = 0; System.nanoTime() < end; n++) {
                    int who = user * share + (int) (n % share);
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages?after=" + lastSeen[who]))
                            .header("Content-Type", "application/json").header("Cookie", "chat_session=" + cookies.get(who))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + nonce + "-" + n + "\",\"text\":\"a\"}")).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - sent);
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            lastSeen[who] = Math.max(lastSeen[who], WebPeople.lastId(r.body()));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        users.shutdown();
        users.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdown();
        Thread.sleep(1000); // the last pages in flight
        io.shutdown();
        crowdIo.shutdown();
        if (wrk != null) {
            String out = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            wrk.waitFor();
            return new Run(true, ok.get() / (double) seconds, percentile(latencies, 0.5), percentile(latencies, 0.99), failed.get(),
                    number(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "50%"), millis(out, "99%"),
                    (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)") + (long) number(out, "Socket errors: connect (\\d+)"), 0);
        }
        return new Run(pageRate > 0, ok.get() / (double) seconds, percentile(latencies, 0.5), percentile(latencies, 0.99), failed.get(),
                pagesOk.get() / (double) seconds, percentile(pageLatencies, 0.5), percentile(pageLatencies, 0.99), pagesFailed.get(),
                pageBytes.get());
    }

    // --- The crowd through wrk (a Debian package), when it is installed: a C client costs the two cores less ---

    private static final String WRK = java.util.stream.Stream.of("/usr/bin/wrk", "/usr/local/bin/wrk")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    /** wrk keeps each connection busy; a delay before each request, adjusted every second, brings them to the rate asked for. */
    private static final int WRK_CONNECTIONS = 20;

    private static Process wrk(String page, int rate, int seconds) throws IOException {
        Path script = Files.createTempFile("standings-crowd", ".lua");
        int period = WRK_CONNECTIONS * 1000 / rate; // ms between one connection's requests at the rate asked for
        // A browser's request (gzip accepted). Each second the delay moves by what the replies' latency took from the
        // period: n requests in the last second means each took period*rate/n ms, of which the latency is the excess.
        Files.writeString(script, """
                wrk.headers["Accept-Encoding"] = "%s"
                local d, n, sec, first = %d, 0, os.time(), true
                function delay()
                  n = n + 1
                  local now = os.time()
                  if now ~= sec then
                    if not first then d = math.max(0, d + %d - %d * 1000 / n) end
                    first, n, sec = false, 0, now
                  end
                  return math.floor(d)
                end
                """.formatted(System.getProperty("crowd.encoding", "gzip"), period - 1, period, WRK_CONNECTIONS));
        return new ProcessBuilder(WRK, "-t1", "-c" + WRK_CONNECTIONS, "-d" + seconds + "s", "--latency", "-s", script.toString(), page)
                .redirectErrorStream(true).start();
    }

    private static double number(String wrkOutput, String regex) {
        Matcher m = Pattern.compile(regex).matcher(wrkOutput);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** A latency percentile line of wrk's --latency output ("99%   12.34ms"), in ms. */
    private static double millis(String wrkOutput, String percentile) {
        Matcher m = Pattern.compile(percentile.replace("%", "%\\s+([\\d.]+)(us|ms|s)")).matcher(wrkOutput);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return m.group(2).equals("us") ? v / 1000 : m.group(2).equals("s") ? v * 1000 : v;
    }

    /** Every paper back to its first question, far from its deadline, as AnswerLoadBench resets between runs. */
    private static void reset(EmbeddedPostgresServer pg) throws SQLException, InterruptedException {
        Thread.sleep(2000);
        try (Connection c = DriverManager.getConnection(pg.appJdbcUrl(), pg.secrets().appUser(), pg.secrets().appPassword())) {
            c.setAutoCommit(false);
            c.createStatement().execute("UPDATE attempt_questions SET chosen_index = NULL, correct = NULL, answered_at = NULL "
                    + "WHERE chosen_index IS NOT NULL");
            c.createStatement().execute("UPDATE attempts SET current_position = 0, status = 'answering', score = 0, prediction = NULL, "
                    + "finished_at = NULL, finish_reason = NULL, duration_ms = NULL, deadline_at = now() + interval '6 hours'");
            c.createStatement().execute("UPDATE chat_accounts SET state = 'ANSWERING' WHERE participant_id IS NOT NULL");
            c.commit();
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM ANALYZE attempt_questions, attempts, chat_accounts, outbox, inbound_events");
        }
    }

    private static double percentile(List<Long> nanos, double q) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1e6;
    }

    private static String spread(List<Run> runs) {
        List<Double> v = new ArrayList<>(runs.stream().map(Run::answersPerSecond).toList());
        Collections.sort(v);
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", v.get(0), median(v), v.get(v.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
