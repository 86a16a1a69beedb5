package vn.contest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.contest.app.App;
import vn.contest.app.AppConfig;
import vn.contest.core.store.EmbeddedPostgresServer;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebConfig;
import vn.contest.zalo.ZaloConfig;

/**
 * Answer to next question, per channel: people take whole papers through each platform's own protocol (Telegram's
 * webhook and callback taps, Zalo's signed webhook and button words, the web page's POST) against stand-ins of the
 * platforms' APIs on this machine (a JDK HTTP server that notes when each call arrives). Measured from the moment
 * an answer is posted to the webhook to the moment the next question (or, after the last answer, the prediction's
 * question) reaches the platform's API; for the web, until the POST's response (the page's reply is in it). Prints
 * median and p90 per channel, the Bot API calls per answer, and each channel's paper duration beside the web's.
 *
 * <p>Arguments: people per channel (at once), think time in ms between a question's arrival and the answer.
 */
public final class ReplyLatencyBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TG_TOKEN = "123456:latency";
    private static final String TG_SECRET = "latency-bench-secret";
    private static final String ZALO_APP = "2553928453557884079";
    private static final String ZALO_OA = "3662729599332560487";
    private static final String ZALO_SECRET = "oa-secret-KEY";
    private static final AtomicLong updates = new AtomicLong(1000);
    private static final AtomicLong zaloClock = new AtomicLong(System.currentTimeMillis());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReplyLatencyBench() {}

    /** What one person's paper gave: the latency of each answer (ns), API calls made for its answers, methods in webhook responses. */
    record Paper(String channel, List<Long> latencies, long apiCalls, long webhookReplies, long newMessages, int answers) {}

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long think = args.length > 1 ? Long.parseLong(args[1]) : 1200;
        try (ScratchDir data = ScratchDir.create("latency-bench");
             StandIn api = new StandIn();
             EmbeddedPostgresServer pg = EmbeddedPostgresServer.durable(data.resolve("postgres"), data.resolve("secrets.properties"));
             App app = App.start(new AppConfig("127.0.0.1", 0, data.resolve("app"), pg.appJdbcUrl(), pg.secrets().appUser(),
                     pg.secrets().appPassword(), null,
                     new TelegramConfig(TG_TOKEN, TG_SECRET, TelegramConfig.Mode.WEBHOOK, URI.create(api.url())),
                     new ZaloConfig(ZALO_APP, "app-secret", ZALO_SECRET, "access-1", "refresh-1", api.url(), api.url()),
                     "Tai-Bench-Chiu-Tai-Kbn7", null, WebConfig.UNLIMITED, 10, 60, null), Clock.systemUTC())) {
            Map<String, List<Paper>> results = new TreeMap<>();
            for (String channel : List.of("web", "zalo", "telegram")) {
                ExecutorService pool = Executors.newFixedThreadPool(people);
                List<Future<Paper>> papers = new ArrayList<>();
                for (int i = 0; i < people; i++) {
                    int k = i;
                    papers.add(pool.submit(() -> switch (channel) {
                        case "web" -> web(app.port(), k, think);
                        case "zalo" -> zalo(app.port(), api, k, think);
                        default -> telegram(app.port(), api, k, think);
                    }));
                }
                List<Paper> done = new ArrayList<>();
                try {
                    for (Future<Paper> f : papers) {
                        done.add(f.get());
                    }
                } finally {
                    // A failed paper must end the run, not leave the others' threads holding the JVM open.
                    pool.shutdownNow();
                }
                results.put(channel, done);
                System.out.printf(Locale.ROOT, "%s: %d papers taken%n", channel, done.size());
            }
            Map<String, Double> durations = durations(pg);
            System.out.println();
            System.out.println("| channel | answer to next question, median | p90 | API calls per answer (HTTP to the platform) | "
                    + "methods in the webhook's response per answer | new messages per answer | paper duration, median | minus the web's |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String channel : List.of("web", "zalo", "telegram")) {
                List<Paper> ps = results.get(channel);
                List<Long> all = new ArrayList<>();
                ps.forEach(p -> all.addAll(p.latencies()));
                Collections.sort(all);
                int answers = ps.stream().mapToInt(Paper::answers).sum();
                double calls = ps.stream().mapToLong(Paper::apiCalls).sum() / (double) answers;
                double replies = ps.stream().mapToLong(Paper::webhookReplies).sum() / (double) answers;
                double messages = ps.stream().mapToLong(Paper::newMessages).sum() / (double) answers;
                double duration = durations.getOrDefault(channel, Double.NaN);
                System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %s | %s | %s | %.2f s | %+.2f s |%n", channel,
                        percentile(all, 0.5) / 1e6, percentile(all, 0.9) / 1e6,
                        channel.equals("web") ? "0" : String.format(Locale.ROOT, "%.2f", calls),
                        channel.equals("web") ? "-" : String.format(Locale.ROOT, "%.2f", replies),
                        channel.equals("web") ? "0" : String.format(Locale.ROOT, "%.2f", messages),
                        duration / 1000.0, (duration - durations.getOrDefault("web", Double.NaN)) / 1000.0);
            }
            System.out.printf(Locale.ROOT, "(%d people per channel at once, %d ms to think after each question arrives, "
                    + "one paper each: 10 answers)%n", people, think);
            // What the calls per answer buy: the Bot API's ~30 calls a second in all (the app paces at 25) is shared by every chat.
            List<Paper> tg = results.get("telegram");
            double tgCalls = tg.stream().mapToLong(Paper::apiCalls).sum() / (double) tg.stream().mapToInt(Paper::answers).sum();
            System.out.printf(Locale.ROOT, "Telegram at its free pace of 25 calls a second: %.1f answers a second in all (25 / %.2f calls per answer)%n",
                    25 / tgCalls, tgCalls);
        }
    }

    // --- The web: the reply is in the POST's response ---

    private static Paper web(int port, int i, long think) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String[] steps = {"xin chào", "đồng ý", name(i), "01/01/1980", String.format(Locale.ROOT, "091%07d", i), "2", "1", "xác nhận"};
        for (String s : steps) {
            webPost(http, port, s);
        }
        JsonNode r = webPost(http, port, "thi");
        List<Long> latencies = new ArrayList<>();
        for (int q = 0; q < 10; q++) {
            Thread.sleep(think);
            String token = webToken(r);
            long t0 = System.nanoTime();
            r = webChoice(http, port, token);
            latencies.add(System.nanoTime() - t0);
        }
        Thread.sleep(think);
        webPost(http, port, "1234");
        return new Paper("web", latencies, 0, 0, 0, 10);
    }

    private static JsonNode webPost(HttpClient http, int port, String text) throws Exception {
        return webSend(http, port, "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":" + JSON.writeValueAsString(text) + "}");
    }

    private static JsonNode webChoice(HttpClient http, int port, String token) throws Exception {
        return webSend(http, port, "{\"id\":\"" + UUID.randomUUID() + "\",\"choice\":" + JSON.writeValueAsString(token) + "}");
    }

    private static JsonNode webSend(HttpClient http, int port, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("web: HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The first answer token of the newest question among the response's messages (the page shows the chat's history). */
    private static String webToken(JsonNode response) {
        String found = null;
        for (JsonNode message : response.path("messages")) {
            for (JsonNode token : message.findValues("token")) {
                if (token.asText().startsWith("ans:")) {
                    found = token.asText();
                    break;
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException("no question in " + response);
        }
        return found;
    }

    // --- Telegram: webhook in, Bot API stand-in out ---

    private static Paper telegram(int port, StandIn api, int i, long think) throws Exception {
        long chat = 800_000_000L + i;
        BlockingQueue<Call> calls = api.calls("tg:" + chat);
        telegramPost(port, text(chat, "/start", true));
        telegramPost(port, tap(chat, "consent:yes", 1));
        for (String s : new String[] {name(i), "01/01/1985", String.format(Locale.ROOT, "038%07d", i), "2", "1"}) {
            telegramPost(port, text(chat, s, false));
        }
        telegramPost(port, tap(chat, "confirm:yes", 1));
        quiet(calls);
        telegramPost(port, text(chat, "thi", false));
        Call question = next(calls, Call::question, new ArrayList<>());
        List<Long> latencies = new ArrayList<>();
        long apiCalls = 0;
        long replies = 0;
        long messages = 0;
        List<Call> seen = new ArrayList<>();
        for (int q = 0; q <= 10; q++) {
            // The person reads for the think time from the question's arrival; the previous answer's stragglers are counted meanwhile.
            sleepUntil(question.nanos() + think * 1_000_000L);
            calls.drainTo(seen);
            apiCalls += q == 0 ? 0 : seen.size();
            messages += q == 0 ? 0 : seen.stream().filter(c -> c.method().equals("sendmessage")).count();
            seen.clear();
            if (q == 10) {
                break;
            }
            long t0 = System.nanoTime();
            String response = telegramPost(port, tap(chat, question.token(), question.messageId()));
            if (response.contains("\"method\"")) {
                replies++;
            }
            // The next message, sent new or shown in the tapped question's place (headed by the choice; after the last
            // answer it is the prediction's question, which has no buttons).
            Call reply = next(calls, c -> c.method().equals("sendmessage")
                    || c.method().startsWith("edit") && (c.question() || c.body().path("text").asText().startsWith("✅ Câu")), seen);
            latencies.add(reply.nanos() - t0);
            question = reply;
        }
        telegramPost(port, text(chat, "1234", false));
        return new Paper("telegram", latencies, apiCalls, replies, messages, 10);
    }

    private static String telegramPost(int port, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", TG_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("telegram webhook: HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String text(long chat, String text, boolean command) throws IOException {
        long u = updates.incrementAndGet();
        return "{\"update_id\":" + u + ",\"message\":{\"message_id\":" + u + ",\"date\":1700000000,"
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"text\":" + JSON.writeValueAsString(text)
                + (command ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":" + text.length() + "}]" : "") + "}}";
    }

    private static String tap(long chat, String data, long messageId) throws IOException {
        long u = updates.incrementAndGet();
        return "{\"update_id\":" + u + ",\"callback_query\":{\"id\":\"" + chat + "-" + u + "\",\"chat_instance\":\"ci\","
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"A\"},\"data\":" + JSON.writeValueAsString(data) + ","
                + "\"message\":{\"message_id\":" + messageId + ",\"date\":1700000000,\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"text\":\"Câu\"}}}";
    }

    // --- Zalo: signed webhook in, OA API stand-in out ---

    private static Paper zalo(int port, StandIn api, int i, long think) throws Exception {
        String user = String.valueOf(6_142_494_823_000_000L + i);
        BlockingQueue<Call> calls = api.calls("zalo:" + user);
        for (String s : new String[] {"xin chào", "đồng ý", name(i), "01/01/1990", String.format(Locale.ROOT, "037%07d", i), "2", "1",
                "xác nhận"}) {
            zaloPost(port, user, s);
        }
        quiet(calls);
        zaloPost(port, user, "thi");
        Call question = next(calls, Call::question, new ArrayList<>());
        List<Long> latencies = new ArrayList<>();
        long apiCalls = 0;
        List<Call> seen = new ArrayList<>();
        for (int q = 0; q <= 10; q++) {
            sleepUntil(question.nanos() + think * 1_000_000L);
            calls.drainTo(seen);
            apiCalls += q == 0 ? 0 : seen.size();
            seen.clear();
            if (q == 10) {
                break;
            }
            long t0 = System.nanoTime();
            zaloPost(port, user, question.token());
            // After the last answer the next question is the prediction's, which has no buttons.
            Call reply = next(calls, q < 9 ? Call::question : c -> true, seen);
            latencies.add(reply.nanos() - t0);
            question = reply;
        }
        zaloPost(port, user, "1234");
        return new Paper("zalo", latencies, apiCalls, 0, apiCalls, 10);
    }

    private static void zaloPost(int port, String user, String text) throws Exception {
        String body = "{\"app_id\":\"" + ZALO_APP + "\",\"user_id_by_app\":\"9791\",\"event_name\":\"user_send_text\",\"timestamp\":\""
                + zaloClock.incrementAndGet() + "\",\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + ZALO_OA + "\"},"
                + "\"message\":{\"msg_id\":\"m" + UUID.randomUUID().toString().replace("-", "") + "\",\"text\":"
                + JSON.writeValueAsString(text) + "}}";
        String ts = JSON.readTree(body).path("timestamp").asText();
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(ZALO_APP.getBytes(StandardCharsets.UTF_8));
        sha.update(raw);
        sha.update(ts.getBytes(StandardCharsets.UTF_8));
        sha.update(ZALO_SECRET.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/zalo"))
                .header("Content-Type", "application/json").header("X-ZEvent-Signature", "mac=" + HexFormat.of().formatHex(sha.digest()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("zalo webhook: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    // --- Shared ---

    /** Waits until the registration's replies have all arrived (a person reads them before starting a paper). */
    private static void quiet(BlockingQueue<Call> calls) throws InterruptedException {
        while (calls.poll(1500, TimeUnit.MILLISECONDS) != null) {
            // still arriving
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Waits for the first call {@code wanted} takes; every call taken meanwhile (and it) goes to {@code seen}. */
    private static Call next(BlockingQueue<Call> calls, java.util.function.Predicate<Call> wanted, List<Call> seen)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Call c = calls.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (c == null) {
                throw new IllegalStateException("no reply within 30 s; meanwhile: "
                        + seen.stream().map(s -> s.method() + " " + s.body()).toList());
            }
            seen.add(c);
            if (wanted.test(c)) {
                return c;
            }
        }
    }

    /** Each channel's median paper duration in ms (the ranking's third key), from the papers themselves. */
    private static Map<String, Double> durations(EmbeddedPostgresServer pg) throws Exception {
        Map<String, Double> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(pg.appJdbcUrl(), pg.secrets().appUser(), pg.secrets().appPassword());
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT ca.channel, percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration_ms) AS d
                     FROM attempts a JOIN chat_accounts ca ON ca.id = a.chat_account_id
                     WHERE a.status = 'finished' GROUP BY ca.channel""")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return out;
    }

    private static String name(int i) {
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"};
        String[] given = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga"};
        return family[i % 10] + " Văn " + given[(i / 10) % 10] + " " + given[i % 10];
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** One call that reached a platform's API: when, which method, its body and what it is. */
    record Call(long nanos, String method, JsonNode body, long messageId) {
        /** A question: buttons carrying an answer token (Telegram's callback data, Zalo's button words "Câu n: ..."). */
        boolean question() {
            return token() != null;
        }

        String token() {
            for (JsonNode data : body.findValues("callback_data")) {
                if (data.asText().startsWith("ans:")) {
                    return data.asText();
                }
            }
            for (JsonNode button : body.path("message").path("attachment").path("payload").path("buttons")) {
                if (button.path("payload").asText().startsWith("Câu ")) {
                    return button.path("payload").asText();
                }
            }
            return null;
        }

    }

    /** The Bot API and the OA API on loopback: every call answered ok at once, and noted per chat as it arrives. */
    static final class StandIn implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, BlockingQueue<Call>> calls = new ConcurrentHashMap<>();
        private final AtomicLong messageIds = new AtomicLong(100);
        private final ExecutorService pool = Executors.newFixedThreadPool(8);

        StandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(pool);
            server.createContext("/", exchange -> {
                long arrived = System.nanoTime();
                byte[] in = exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String reply;
                try {
                    JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
                    if (path.startsWith("/bot")) {
                        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                        long id = method.equals("sendmessage") ? messageIds.incrementAndGet() : body.path("message_id").asLong();
                        // A callback's answer names no chat: the bench's callback ids begin with it.
                        String chat = body.has("callback_query_id") ? body.path("callback_query_id").asText().split("-")[0]
                                : body.path("chat_id").asText();
                        if (!chat.isEmpty()) {
                            calls("tg:" + chat).add(new Call(arrived, method, body, id));
                        }
                        reply = method.equals("sendmessage") || method.startsWith("edit")
                                ? "{\"ok\":true,\"result\":{\"message_id\":" + id + ",\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"\"}}"
                                : "{\"ok\":true,\"result\":true}";
                    } else if (path.endsWith("/message/cs")) {
                        calls("zalo:" + body.path("recipient").path("user_id").asText()).add(new Call(arrived, "cs", body, 0));
                        reply = "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"" + messageIds.incrementAndGet() + "\"}}";
                    } else if (path.contains("access_token") || path.contains("oauth")) {
                        reply = "{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":\"90000\"}";
                    } else {
                        reply = "{\"error\":0,\"message\":\"Success\",\"data\":{}}";
                    }
                } catch (Exception e) {
                    reply = "{\"ok\":false,\"error_code\":400,\"description\":\"bad request\"}";
                }
                byte[] out = reply.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        BlockingQueue<Call> calls(String chat) {
            return calls.computeIfAbsent(chat, k -> new LinkedBlockingQueue<>());
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
