package vn.contest.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.contest.app.App;
import vn.contest.app.AppConfig;
import vn.contest.core.store.EmbeddedPostgresServer;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebConfig;

/**
 * Answers per second through the web chat's API, side by side with a bare route
 * (Javalin + HikariCP + JDBC) doing the same database work in one transaction on the same server: insert the
 * event id, lock the chat, lock the paper with its current question, record the answer and move the paper on,
 * touch the chat, insert one outbox row. Participants are registered with open papers first; before each run
 * every paper goes back to its first question, and every page reads what other routes wrote to its chat, as an open
 * page polls. Each request is then a real answer to some person's paper, as long as there are people enough for the
 * run: after it, the answers recorded are counted, and a run where some requests found their paper done (so they
 * cost less) is marked. Runs alternate product and bare. After each run the database is checked: every acknowledged
 * request stored once.
 * The same answers also come through the Telegram webhook (as many people again, registered there), with a
 * stand-in for the Bot API on this machine; the replies then queue for the dispatcher, paced as Telegram allows.
 * And through the Telegram Mini App (TELEGRAM_MINI_APP): as many people again, each a Telegram chat acting through
 * the chat page's API with a page session opened from a signed initData, their replies back in the HTTP response.
 * The load is generated here rather than by {@code wrk}: like the chat page, each request names the last message
 * its person has seen, which needs state per person that wrk's scripts cannot keep per connection.
 *
 * <p>Run: {@code mvn -B -q -pl bench -am package -DskipTests && java -cp bench/target/contest-bench.jar
 * vn.contest.bench.AnswerLoadBench [participants] [seconds] [rounds]}.
 */
public final class AnswerLoadBench {
    private static final int[] CONNECTIONS = {16, 64};
    /** The routes in the order of even rounds; odd rounds run them backwards. */
    private static final List<String> ROUTES = List.of("product", "miniapp", "engine", "bare", "telegram");
    private static final String TELEGRAM_SECRET = "bench-secret";
    /** Telegram update ids, unique over the whole bench (a webhook drops an id it has seen). */
    private static final java.util.concurrent.atomic.AtomicLong updates = new java.util.concurrent.atomic.AtomicLong();

    private AnswerLoadBench() {}

    /** Runs one route at a number of connections. */
    private interface RouteRun {
        Run run(String route, int connections) throws Exception;
    }

    /** One run; {@code workerUs} and {@code postgresUs} are the servers' CPU an answer ({@link ServerCpu}). */
    record Run(String route, int connections, double perSecond, double p50, double p99, long requests, long failed, long stored,
               long answered, double workerUs, double postgresUs) {
        /**
         * Messages the server took that recorded no answer: they found their person's paper done, and cost less (the
         * people ran out). Counted from the events stored, which a request the client saw fail may have made too.
         */
        long notAnswers() {
            return stored - answered;
        }
    }

    /** The embedded server's data directory, by which {@link ServerCpu} finds its processes. */
    private static Path postgresData;

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        // BENCH_ROUTES=product,bare runs only those routes (and registers only the people they need); default: all.
        List<String> only = System.getenv("BENCH_ROUTES") == null ? ROUTES : List.of(System.getenv("BENCH_ROUTES").split(","));
        try (ScratchDir data = ScratchDir.create("load-bench");
             BotApiStandIn botApi = new BotApiStandIn();
             EmbeddedPostgresServer pg = EmbeddedPostgresServer.durable(data.resolve("postgres"), data.resolve("secrets.properties"));
             App app = App.start(new AppConfig("127.0.0.1", 0, data.resolve("app"), pg.appJdbcUrl(), pg.secrets().appUser(),
                     pg.secrets().appPassword(), null, new TelegramConfig(BotApiStandIn.TOKEN, TELEGRAM_SECRET,
                     TelegramConfig.Mode.WEBHOOK, URI.create("http://127.0.0.1:" + botApi.port()), null, "https://bench.invalid", true),
                     null, "Tai-Bench-Chiu-Tai-Kbn7",
                     null, WebConfig.UNLIMITED, 10, 60, null), Clock.systemUTC());
             HikariDataSource pool = pool(pg);
             BareRoute bare = new BareRoute(pool, app.dialogue())) {
            postgresData = data.resolve("postgres");
            long heapBefore = heapAfterGc();
            System.out.printf(Locale.ROOT, "registering %d participants with open papers...%n", participants);
            List<String[]> people = WebPeople.register(app.port(), participants, i -> "1");
            List<String> cookies = people.stream().map(p -> p[0]).toList();
            // Each person's page keeps the last id it has shown across the runs, as an open chat page does.
            long[] lastSeen = people.stream().mapToLong(p -> Long.parseLong(p[1])).toArray();
            List<Long> chats = registeredChats(pool, "id", Long.class);
            List<String> webChats = registeredChats(pool, "external_id", String.class);
            // as many as on the web: each answers under ten times a run, so every tap is an answer
            int onTelegram = only.contains("telegram") ? participants : 0;
            System.out.printf(Locale.ROOT, "registering %d more on Telegram through the webhook...%n", onTelegram);
            List<Long> telegramChats = registerOnTelegram(app.port(), onTelegram);
            int inMiniApp = only.contains("miniapp") ? participants : 0;
            System.out.printf(Locale.ROOT, "registering %d more through the Telegram Mini App...%n", inMiniApp);
            List<String[]> pages = registerOnMiniApp(app.port(), inMiniApp);
            List<String> pageTokens = pages.stream().map(p -> p[0]).toList();
            long[] pageLastSeen = pages.stream().mapToLong(p -> Long.parseLong(p[1])).toArray();
            long heapAfter = heapAfterGc();
            System.out.printf(Locale.ROOT, "heap after GC: %.1f MB before registering, %.1f MB with %d participants (%d on the web, "
                    + "%d on Telegram, %d in the Mini App; max heap %.0f MB)%n", heapBefore / 1e6, heapAfter / 1e6,
                    participants + onTelegram + pages.size(), participants, onTelegram, pages.size(), Runtime.getRuntime().maxMemory() / 1e6);
            // One run of a route: every paper back to its first question, then the load through that route's way in.
            RouteRun runRoute = (route, c) -> {
                // Before the reset, so that every route's run starts alike right after it.
                if (route.equals("product")) {
                    catchUp(app.port(), "Cookie", "chat_session=", cookies, lastSeen);
                } else if (route.equals("miniapp")) {
                    catchUp(app.port(), "X-Page-Session", "", pageTokens, pageLastSeen);
                }
                reset(pool);
                String nonce = UUID.randomUUID().toString().substring(0, 8);
                int port = route.equals("product") || route.equals("telegram") || route.equals("miniapp") ? app.port() : bare.port();
                return route.equals("miniapp") ? load(route, c, seconds, port, pageTokens, pageLastSeen, pageTokens, pool, nonce)
                        : load(route, c, seconds, port, cookies, lastSeen,
                        route.equals("engine") ? webChats : route.equals("telegram") ? telegramChats : chats, pool, nonce);
            };
            // Each route runs at both connection counts, not counted, until the JIT compiler is quiet (JitWarmUp), so
            // the rounds compare the routes as a server that has been up for a while runs them.
            JitWarmUp.untilQuiet(() -> {
                for (int c : CONNECTIONS) {
                    for (String route : ROUTES) {
                        if (only.contains(route)) {
                            Run run = runRoute.run(route, c);
                            System.out.printf(Locale.ROOT, "warm-up  %-8s c=%-3d %8.0f answers/s (not counted)%n", run.route(), c, run.perSecond());
                        }
                    }
                }
            });
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (int c : CONNECTIONS) {
                    for (String route : round % 2 == 0 ? ROUTES : backwards(ROUTES)) {
                        if (!only.contains(route)) {
                            continue;
                        }
                        long jitBefore = JitWarmUp.compiledMs();
                        Run run = runRoute.run(route, c);
                        runs.add(run);
                        System.out.printf(Locale.ROOT, "%-8s c=%-3d %8.0f answers/s  p50 %6.1f ms  p99 %6.1f ms  %d requests, %d failed, %d stored, %d answers"
                                        + "  CPU an answer: workers %.0f us, PostgreSQL %.0f us  JIT %d ms%s%n",
                                run.route(), c, run.perSecond(), run.p50(), run.p99(), run.requests(), run.failed(), run.stored(),
                                run.answered(), run.workerUs(), run.postgresUs(), JitWarmUp.compiledMs() - jitBefore,
                                run.notAnswers() > 0 ? "  PEOPLE RAN OUT: " + run.notAnswers() + " messages found their paper done" : "");
                        if (route.equals("telegram")) {
                            System.out.printf(Locale.ROOT, "         Telegram replies waiting in the outbox: %d (sent to the Bot API so far: %d, "
                                    + "paced at the platform's ~30 a second)%n", telegramBacklog(pool), botApi.sent());
                        }
                    }
                }
            }
            summary(runs);
            List<Run> ranOut = runs.stream().filter(r -> r.notAnswers() > 0).toList();
            System.out.printf(Locale.ROOT, "runs where people ran out of questions: %d%s%n", ranOut.size(), ranOut.isEmpty() ? ""
                    : " (" + ranOut.stream().map(r -> r.route() + " c=" + r.connections()).collect(java.util.stream.Collectors.joining(", "))
                    + "): some of their requests found the paper done and cost less; run again with more participants");
            Thread.sleep(3000);
            consistency(pool);
            System.out.printf(Locale.ROOT, "heap after GC after the runs: %.1f MB%n", heapAfterGc() / 1e6);
        }
    }

    private static List<String> backwards(List<String> routes) {
        List<String> out = new ArrayList<>(routes);
        Collections.reverse(out);
        return out;
    }

    private static HikariDataSource pool(EmbeddedPostgresServer pg) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(pg.appJdbcUrl());
        hc.setUsername(pg.secrets().appUser());
        hc.setPassword(pg.secrets().appPassword());
        hc.setMaximumPoolSize(10); // as the app's own pool
        return new HikariDataSource(hc);
    }

    // --- Setup through the product's own API ---

    /**
     * {@code n} people open the Telegram Mini App (a page session from a signed initData, as Telegram signs it), register
     * there and start a paper: their page token and the last message id their page showed.
     */
    private static List<String[]> registerOnMiniApp(int port, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String[]>> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            pages.add(pool.submit(() -> registerOneOnMiniApp(port, k)));
        }
        List<String[]> out = new ArrayList<>();
        for (Future<String[]> f : pages) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    private static String[] registerOneOnMiniApp(int port, int i) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long user = 720_000_000L + i;
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"channel\":\"telegram\",\"proof\":" + WebPeople.json(initData(user)) + "}")).build(), HttpResponse.BodyHandlers.ofString());
        if (opened.statusCode() != 200) {
            throw new IllegalStateException("Mini App session: HTTP " + opened.statusCode() + " " + opened.body());
        }
        Matcher session = Pattern.compile("\"session\":\"([^\"]+)\"").matcher(opened.body());
        Matcher after = Pattern.compile("\"after\":(\\d+)").matcher(opened.body());
        if (!session.find() || !after.find()) {
            throw new IllegalStateException("Mini App session: " + opened.body());
        }
        String token = session.group(1);
        long last = Long.parseLong(after.group(1));
        String[][] steps = {{"start", ""}, {"choice", "consent:yes"}, {"text", "Người Thử Mini App"}, {"text", "01/01/1986"},
                {"text", String.format(Locale.ROOT, "038%07d", i)}, {"text", "2"}, {"text", "1"}, {"choice", "confirm:yes"},
                {"text", "thi"}};
        for (String[] step : steps) {
            String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"" + step[0] + "\":" + WebPeople.json(step[1]) + "}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages?after=" + last))
                    .header("Content-Type", "application/json").header("X-Page-Session", token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Mini App registration step " + step[1] + ": HTTP " + r.statusCode() + " " + r.body());
            }
            last = Math.max(last, WebPeople.lastId(r.body()));
        }
        return new String[] {token, String.valueOf(last)};
    }

    /** initData for {@code user} as Telegram signs it with the bot's token (core.telegram.org/bots/webapps), fresh. */
    private static String initData(long user) {
        String userJson = "{\"id\":" + user + ",\"first_name\":\"Thử\"}";
        String authDate = String.valueOf(java.time.Instant.now().getEpochSecond());
        String check = "auth_date=" + authDate + "\nuser=" + userJson;
        byte[] secret = hmac("WebAppData".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                BotApiStandIn.TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hash = java.util.HexFormat.of().formatHex(hmac(secret, check.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return "user=" + java.net.URLEncoder.encode(userJson, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "&auth_date=" + authDate + "&hash=" + hash;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} people register on Telegram through the webhook and start a paper; returns their chat ids. */
    private static List<Long> registerOnTelegram(int port, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> chats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            chats.add(pool.submit(() -> registerOneOnTelegram(port, k)));
        }
        List<Long> out = new ArrayList<>();
        for (Future<Long> f : chats) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    private static long registerOneOnTelegram(int port, int i) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long chat = 700_000_000L + i;
        String[] bodies = {telegramStart(updates.incrementAndGet(), chat), telegramTap(updates.incrementAndGet(), chat, "consent:yes"),
                telegramText(updates.incrementAndGet(), chat, "Người Thử Telegram"), telegramText(updates.incrementAndGet(), chat, "01/01/1985"),
                telegramText(updates.incrementAndGet(), chat, String.format(Locale.ROOT, "039%07d", i)),
                telegramText(updates.incrementAndGet(), chat, "2"), telegramText(updates.incrementAndGet(), chat, "1"),
                telegramTap(updates.incrementAndGet(), chat, "confirm:yes"), telegramText(updates.incrementAndGet(), chat, "thi")};
        for (String body : bodies) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Telegram registration: HTTP " + r.statusCode() + " " + r.body());
            }
        }
        return chat;
    }

    /** A private chat's message update, as Telegram posts it to the webhook. */
    private static String telegramText(long update, long chat, String text) {
        return "{\"update_id\":" + update + ",\"message\":{\"message_id\":" + update + ",\"date\":1700000000,"
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"text\":" + WebPeople.json(text) + "}}";
    }

    private static String telegramStart(long update, long chat) {
        return telegramText(update, chat, "/start").replace("\"text\":\"/start\"",
                "\"text\":\"/start\",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":6}]");
    }

    /** A button tap (callback query) on an earlier message of the chat. */
    private static String telegramTap(long update, long chat, String data) {
        return "{\"update_id\":" + update + ",\"callback_query\":{\"id\":\"cq" + update + "\",\"chat_instance\":\"ci\","
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"A\"},\"data\":" + WebPeople.json(data) + ","
                + "\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}}}}";
    }

    private static long telegramBacklog(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM outbox WHERE channel = 'telegram' AND status <> 'sent'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One column of the registered web chats, in id order: the bare route's ids, the engine's external ids. */
    private static <T> List<T> registeredChats(HikariDataSource pool, String column, Class<T> type) throws SQLException {
        List<T> values = new ArrayList<>();
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT " + column + " FROM chat_accounts WHERE channel = 'web' AND participant_id IS NOT NULL ORDER BY id")) {
            while (rs.next()) {
                values.add(rs.getObject(1, type));
            }
        }
        return values;
    }

    /** Every paper back to its first question, far from its deadline; the tables vacuumed, as a fresh evening. */
    private static void reset(HikariDataSource pool) throws SQLException, InterruptedException {
        Thread.sleep(3000); // requests still in flight when wrk stopped finish first
        try (Connection c = pool.getConnection()) {
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

    /**
     * Each page reads what it has not seen, as an open page polls between a person's answers: the rows other routes
     * wrote to its chat (the bare route and the engine write to the same web chats), which the run's first answer
     * would otherwise read back, a cost of the bench's making.
     */
    private static void catchUp(int port, String header, String prefix, List<String> sessions, long[] lastSeen) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> polls = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            int who = i;
            polls.add(pool.submit(() -> {
                // A poll returns at most a page of rows; read on until the last id stops moving.
                for (long before = -1; before != lastSeen[who]; ) {
                    before = lastSeen[who];
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/web/messages?after=" + lastSeen[who])).header(header, prefix + sessions.get(who)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("poll: HTTP " + r.statusCode());
                    }
                    lastSeen[who] = Math.max(lastSeen[who], WebPeople.lastId(r.body()));
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : polls) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    // --- Load: people answering as the chat page does ---

    /**
     * {@code connections} people at once, each answering as fast as the server answers, each with a share of the
     * participants. Like the page, a request names the last message id its person has seen ({@code after}), so
     * the reply carries only what is new. The same generator drives both routes, in this JVM beside both servers.
     */
    private static Run load(String route, int connections, int seconds, int port, List<String> cookies, long[] lastSeen, List<?> chats,
                            HikariDataSource pool, String nonce) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(io).build();
        long firstUpdate = updates.get();
        // A page's route: each person's page keeps the last id it has shown (the other routes' answers carry no ids).
        boolean pages = route.equals("product") || route.equals("miniapp");
        int people = pages ? cookies.size() : chats.size();
        java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ServerCpu cpuBefore = ServerCpu.now(postgresData);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService users = Executors.newFixedThreadPool(connections);
        for (int u = 0; u < connections; u++) {
            int user = u;
            users.submit(() -> {
                int share = people / connections;
                for (long n = 0; System.nanoTime() < end; n++) {
                    int who = user * share + (int) (n % share);
                    String id = nonce + "-" + user + "-" + n;
                    HttpRequest request = route.equals("telegram")
                            ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
                                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)
                                    .POST(HttpRequest.BodyPublishers.ofString(telegramText(updates.incrementAndGet(), (Long) chats.get(who), "a")))
                                    .build()
                            : route.equals("product")
                            ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages?after=" + lastSeen[who]))
                                    .header("Content-Type", "application/json").header("Cookie", "chat_session=" + cookies.get(who))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"text\":\"a\"}")).build()
                            : route.equals("miniapp")
                            ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages?after=" + lastSeen[who]))
                                    .header("Content-Type", "application/json").header("X-Page-Session", cookies.get(who))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"text\":\"a\"}")).build()
                            : HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + route + "/answer"))
                                    .header("X-Chat", String.valueOf(chats.get(who))).POST(HttpRequest.BodyPublishers.ofString(id)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - start);
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            if (pages) {
                                lastSeen[who] = Math.max(lastSeen[who], WebPeople.lastId(r.body()));
                            }
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
        users.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        io.shutdown();
        double[] cpu = ServerCpu.now(postgresData).perAnswerSince(cpuBefore, Math.max(ok.get(), 1));
        long stored;
        try (Connection c = pool.getConnection();
             PreparedStatement st = c.prepareStatement(route.equals("telegram")
                     ? "SELECT count(*) FROM inbound_events WHERE channel = 'telegram' "
                             + "AND CASE WHEN event_id ~ '^u[0-9]+$' THEN substring(event_id, 2)::bigint END > ?"
                     : "SELECT count(*) FROM inbound_events WHERE event_id LIKE ?")) {
            if (route.equals("telegram")) {
                st.setLong(1, firstUpdate);
            } else {
                st.setString(1, "%" + nonce + "-%");
            }
            ResultSet rs = st.executeQuery();
            rs.next();
            stored = rs.getLong(1);
        }
        long answered;
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM attempt_questions WHERE chosen_index IS NOT NULL")) {
            rs.next();
            answered = rs.getLong(1); // the reset before the run cleared every answer
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) (sorted.size() * 0.99)) / 1e6;
        return new Run(route, connections, ok.get() / (double) seconds, p50, p99, ok.get(), failed.get(), stored, answered, cpu[0], cpu[1]);
    }

    private static void summary(List<Run> runs) {
        System.out.println();
        System.out.println("| connections | product answers/s (min / median / max) | bare answers/s (min / median / max) | ratio of medians "
                + "| p99 ms product / bare (medians) |");
        System.out.println("|---|---|---|---|---|");
        for (int c : CONNECTIONS) {
            List<Run> product = runs.stream().filter(r -> r.connections() == c && r.route().equals("product")).toList();
            List<Run> bare = runs.stream().filter(r -> r.connections() == c && r.route().equals("bare")).toList();
            double pm = median(product.stream().map(Run::perSecond).toList());
            double bm = median(bare.stream().map(Run::perSecond).toList());
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %.2f | %.0f / %.0f |%n", c, spread(product), spread(bare), pm / bm,
                    median(product.stream().map(Run::p99).toList()), median(bare.stream().map(Run::p99).toList()));
        }
        System.out.println();
        System.out.println("| connections | route | server CPU an answer, HTTP workers (median, us) | PostgreSQL (median, us) |");
        System.out.println("|---|---|---|---|");
        for (int c : CONNECTIONS) {
            for (String route : ROUTES) {
                List<Run> these = runs.stream().filter(r -> r.connections() == c && r.route().equals(route)).toList();
                if (!these.isEmpty()) {
                    System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f |%n", c, route, median(these.stream().map(Run::workerUs).toList()),
                            median(these.stream().map(Run::postgresUs).toList()));
                }
            }
        }
        System.out.println();
        System.out.println("| connections | engine alone answers/s (Dialogue.handle behind a plain route) | engine / bare | product / engine |");
        System.out.println("|---|---|---|---|");
        for (int c : CONNECTIONS) {
            double pm = median(runs.stream().filter(r -> r.connections() == c && r.route().equals("product")).map(Run::perSecond).toList());
            double em = median(runs.stream().filter(r -> r.connections() == c && r.route().equals("engine")).map(Run::perSecond).toList());
            double bm = median(runs.stream().filter(r -> r.connections() == c && r.route().equals("bare")).map(Run::perSecond).toList());
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.2f | %.2f |%n", c, em, em / bm, pm / em);
        }
        System.out.println();
        System.out.println("| connections | Telegram webhook answers/s (min / median / max) | Telegram / bare | p99 ms Telegram / bare |");
        System.out.println("|---|---|---|---|");
        for (int c : CONNECTIONS) {
            List<Run> telegram = runs.stream().filter(r -> r.connections() == c && r.route().equals("telegram")).toList();
            double tm = median(telegram.stream().map(Run::perSecond).toList());
            double bm = median(runs.stream().filter(r -> r.connections() == c && r.route().equals("bare")).map(Run::perSecond).toList());
            double bp = median(runs.stream().filter(r -> r.connections() == c && r.route().equals("bare")).map(Run::p99).toList());
            System.out.printf(Locale.ROOT, "| %d | %s | %.2f | %.0f / %.0f |%n", c, spread(telegram), tm / bm,
                    median(telegram.stream().map(Run::p99).toList()), bp);
        }
        System.out.println();
        System.out.println("| connections | Telegram Mini App answers/s (min / median / max) | Mini App / web | Mini App / bare "
                + "| p99 ms Mini App / web / bare |");
        System.out.println("|---|---|---|---|---|");
        for (int c : CONNECTIONS) {
            List<Run> page = runs.stream().filter(r -> r.connections() == c && r.route().equals("miniapp")).toList();
            double mm = median(page.stream().map(Run::perSecond).toList());
            double pm = median(runs.stream().filter(r -> r.connections() == c && r.route().equals("product")).map(Run::perSecond).toList());
            double bm = median(runs.stream().filter(r -> r.connections() == c && r.route().equals("bare")).map(Run::perSecond).toList());
            System.out.printf(Locale.ROOT, "| %d | %s | %.2f | %.2f | %.0f / %.0f / %.0f |%n", c, spread(page), mm / pm, mm / bm,
                    median(page.stream().map(Run::p99).toList()),
                    median(runs.stream().filter(r -> r.connections() == c && r.route().equals("product")).map(Run::p99).toList()),
                    median(runs.stream().filter(r -> r.connections() == c && r.route().equals("bare")).map(Run::p99).toList()));
        }
        long failed = runs.stream().mapToLong(Run::failed).sum();
        boolean stored = runs.stream().allMatch(r -> r.stored() >= r.requests());
        System.out.printf(Locale.ROOT, "failed requests: %d; every acknowledged request stored: %s%n", failed, stored);
    }

    private static void consistency(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT count(*) FROM attempts a
                WHERE a.score <> (SELECT count(*) FROM attempt_questions q WHERE q.attempt_id = a.id AND q.correct)
                   OR a.current_position <> (SELECT count(*) FROM attempt_questions q WHERE q.attempt_id = a.id AND q.chosen_index IS NOT NULL)""")) {
            rs.next();
            System.out.printf(Locale.ROOT, "papers whose score or position disagree with their answers (last run): %d%n", rs.getLong(1));
        }
    }

    private static String spread(List<Run> runs) {
        List<Double> v = new ArrayList<>(runs.stream().map(Run::perSecond).toList());
        Collections.sort(v);
        if (v.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", v.get(0), median(v), v.get(v.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        if (n == 0) {
            return Double.NaN; // a route not run (BENCH_ROUTES)
        }
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The Bot API on this machine: every method answers ok at once, and sent messages are counted. */
    static final class BotApiStandIn implements AutoCloseable {
        static final String TOKEN = "123456:bench";
        private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        private final Javalin server;

        BotApiStandIn() {
            server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.routes.post("/bot" + TOKEN + "/{method}", ctx -> {
                    String method = ctx.pathParam("method").toLowerCase(Locale.ROOT);
                    if (method.equals("sendmessage") || method.startsWith("editmessage")) {
                        long id = sent.incrementAndGet();
                        ctx.contentType("application/json").result("{\"ok\":true,\"result\":{\"message_id\":" + id
                                + ",\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"\"}}");
                    } else {
                        ctx.contentType("application/json").result("{\"ok\":true,\"result\":true}");
                    }
                });
            }).start("127.0.0.1", 0);
        }

        int port() {
            return server.port();
        }

        long sent() {
            return sent.get();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** The same database work as one answer, written by hand: the floor the product is measured against. */
    static final class BareRoute implements AutoCloseable {
        private final Javalin server;

        BareRoute(HikariDataSource pool, vn.contest.core.dialogue.Dialogue dialogue) {
            server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                // The engine alone: the product's turn for a web chat, without the web channel's cookie, limits,
                // JSON and read-back; it splits the gap between the product and the bare route.
                cfg.routes.post("/engine/answer", ctx -> ctx.result(dialogue.handle(vn.contest.core.message.Inbound.text(
                        new vn.contest.core.message.ChatRef("web", ctx.header("X-Chat")), "engine:" + ctx.body(), "a")).name()));
                cfg.routes.post("/bare/answer", ctx -> {
                long chat = Long.parseLong(ctx.header("X-Chat"));
                String id = ctx.body();
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        ctx.result(answer(c, chat, id));
                        c.commit();
                    } catch (SQLException e) {
                        c.rollback();
                        throw e;
                    }
                }
                });
            }).start("127.0.0.1", 0);
        }

        private static String answer(Connection c, long chat, String eventId) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO inbound_events (channel, event_id) VALUES ('bare', ?) ON CONFLICT DO NOTHING")) {
                st.setString(1, eventId);
                if (st.executeUpdate() == 0) {
                    return "duplicate";
                }
            }
            long participant;
            String external;
            try (PreparedStatement st = c.prepareStatement("SELECT participant_id, external_id FROM chat_accounts WHERE id = ? FOR UPDATE")) {
                st.setLong(1, chat);
                ResultSet rs = st.executeQuery();
                rs.next();
                participant = rs.getLong(1);
                external = rs.getString(2);
            }
            long attempt;
            int position;
            int correctIndex;
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT a.id, a.current_position, q.correct_index FROM attempts a
                    JOIN attempt_questions q ON q.attempt_id = a.id AND q.position = a.current_position
                    WHERE a.participant_id = ? AND a.status <> 'finished' FOR UPDATE OF a""")) {
                st.setLong(1, participant);
                ResultSet rs = st.executeQuery();
                if (!rs.next()) {
                    return "no open question";
                }
                attempt = rs.getLong(1);
                position = rs.getInt(2);
                correctIndex = rs.getInt(3);
            }
            boolean correct = correctIndex == 0;
            try (PreparedStatement st = c.prepareStatement("""
                    WITH answered AS (
                        UPDATE attempt_questions SET chosen_index = 0, correct = ?, answered_at = now()
                        WHERE attempt_id = ? AND position = ? AND chosen_index IS NULL RETURNING attempt_id)
                    UPDATE attempts SET current_position = current_position + 1, score = score + ?,
                        status = CASE WHEN current_position + 1 >= question_count THEN 'predicting' ELSE 'answering' END
                    WHERE id = (SELECT attempt_id FROM answered)""")) {
                st.setBoolean(1, correct);
                st.setLong(2, attempt);
                st.setInt(3, position);
                st.setInt(4, correct ? 1 : 0);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE chat_accounts SET updated_at = now() WHERE id = ?")) {
                st.setLong(1, chat);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO outbox (channel, chat_id, payload, status, sent_at) VALUES ('web', ?, CAST(? AS jsonb), 'sent', now())""")) {
                st.setString(1, external);
                st.setString(2, "{\"text\":\"Câu " + (position + 2) + "\"}");
                st.executeUpdate();
            }
            return "ok";
        }

        int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
