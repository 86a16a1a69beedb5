package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebConfig;

/**
 * Two instances on one database, as behind a load balancer: every Telegram update goes to one of them and its
 * redelivery to the other at the same moment. No answer counts twice, every reply is sent once by one of the
 * two dispatchers, and with long polling only one instance polls, the other taking over when it stops.
 */
class TwoInstancesTest {
    static final String TOKEN = "42:two-instances";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static int nextUpdate = 1;

    static String text(long user, String text) {
        int id = nextUpdate++;
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"date\":1700000000,\"text\":"
                + WebClient.JSON.valueToTree(text) + "}}";
    }

    static String contact(long user, String phone) {
        int id = nextUpdate++;
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"date\":1700000000,"
                + "\"contact\":{\"phone_number\":\"" + phone + "\",\"first_name\":\"A\",\"user_id\":" + user + "}}}";
    }

    static CompletableFuture<Integer> deliver(App app, String update) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/webhooks/telegram"))
                        .header("X-Telegram-Bot-Api-Secret-Token", "two-secret").POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::statusCode);
    }

    /** Sends one update to the first instance and, at the same moment, its redelivery to the second. */
    static void both(App first, App second, String update) {
        CompletableFuture<Integer> a = deliver(first, update);
        CompletableFuture<Integer> b = deliver(second, update);
        assertEquals(200, a.join());
        assertEquals(200, b.join());
    }

    static long count(App app, String sql) {
        return app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void interleavedAndRedeliveredUpdatesCountOnceAndEachReplyIsSentOnce() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try {
            wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)sendmessage")).willReturn(okJson(
                    "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}")));
            wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)setmycommands")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
            TelegramConfig telegram = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", "two-secret",
                    "TELEGRAM_API_URL", "http://localhost:" + wm.port())).orElseThrow();
            try (App one = TestApps.onSharedServer("two_instances", Clock.systemUTC(), telegram, null, WebConfig.UNLIMITED);
                 App two = TestApps.onExistingDatabase("two_instances", Clock.systemUTC(), telegram, null, WebConfig.UNLIMITED)) {
                long[] users = {880_001L, 880_002L};
                List<List<String>> scripts = new ArrayList<>();
                for (long user : users) {
                    List<String> s = new ArrayList<>(List.of(text(user, "/start"), text(user, "đồng ý"), text(user, "Ma Văn Hai"),
                            text(user, "02/02/1992"), contact(user, "+84 912 880 00" + (user % 10)), text(user, "2"), text(user, "1"),
                            text(user, "xác nhận"), text(user, "thi")));
                    for (int i = 0; i < 10; i++) {
                        s.add(text(user, i % 2 == 0 ? "a" : "b"));
                    }
                    s.add(text(user, "1500"));
                    scripts.add(s);
                }
                // The two people write at the same time; each update reaches both instances, in alternating order.
                for (int step = 0; step < scripts.get(0).size(); step++) {
                    int n = step;
                    CompletableFuture<Void> first = CompletableFuture.runAsync(() ->
                            both(n % 2 == 0 ? one : two, n % 2 == 0 ? two : one, scripts.get(0).get(n)));
                    CompletableFuture<Void> second = CompletableFuture.runAsync(() ->
                            both(n % 2 == 0 ? two : one, n % 2 == 0 ? one : two, scripts.get(1).get(n)));
                    first.join();
                    second.join();
                }
                int updates = scripts.get(0).size() * 2;
                // Each update reached both instances: one handled it, the other found it done.
                long handled = metric(one, "handled") + metric(two, "handled");
                long duplicates = metric(one, "duplicate") + metric(two, "duplicate");
                assertEquals(updates, handled, "each update handled by exactly one instance");
                assertEquals(updates, duplicates, "and its redelivery recognised by the other");
                assertTrue(metric(one, "handled") > 0 && metric(two, "handled") > 0, "both instances did work");
                assertEquals(2, count(one, "SELECT count(*) FROM attempts WHERE status = 'finished' AND prediction = 1500"));
                assertEquals(20, count(one, "SELECT count(*) FROM attempt_questions WHERE chosen_index IS NOT NULL"), "no answer twice");
                assertEquals(0, count(one, """
                        SELECT count(*) FROM attempts a WHERE a.score <> (SELECT count(*) FROM attempt_questions q
                                                                          WHERE q.attempt_id = a.id AND q.correct)"""), "scores agree");

                long end = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < end && count(one, "SELECT count(*) FROM outbox WHERE channel = 'telegram' AND status <> 'sent'") > 0) {
                    Thread.sleep(250);
                }
                long rows = count(one, "SELECT count(*) FROM outbox WHERE channel = 'telegram'");
                assertEquals(0, count(one, "SELECT count(*) FROM outbox WHERE channel = 'telegram' AND status <> 'sent'"), "all delivered");
                assertEquals(rows, wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)sendmessage"))).size(),
                        "each reply sent exactly once, though two dispatchers ran");
            }
        } finally {
            wm.stop();
        }
    }

    /** The instance's own count of Telegram messages with this outcome, from its /metrics. */
    static long metric(App app, String outcome) {
        String text = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).join().body();
        String prefix = "contest_inbound_messages_total{channel=\"telegram\",outcome=\"" + outcome + "\"} ";
        return text.lines().filter(l -> l.startsWith(prefix)).mapToLong(l -> (long) Double.parseDouble(l.substring(prefix.length())))
                .sum();
    }

    static long pollLocks(App app) {
        return count(app, """
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""");
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void withLongPollingOneInstancePollsAndTheOtherTakesOverWhenItStops() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
        try {
            wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)getupdates")).willReturn(okJson("{\"ok\":true,\"result\":[]}")
                    .withFixedDelay(200)));
            for (String method : List.of("deletewebhook", "setmycommands")) {
                wm.stubFor(post(urlMatching("/bot" + TOKEN + "/(?i)" + method)).willReturn(okJson("{\"ok\":true,\"result\":true}")));
            }
            TelegramConfig polling = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_MODE", "polling",
                    "TELEGRAM_API_URL", "http://localhost:" + wm.port())).orElseThrow();
            App one = TestApps.onSharedServer("two_pollers", Clock.systemUTC(), polling, null, WebConfig.UNLIMITED);
            try (App two = TestApps.onExistingDatabase("two_pollers", Clock.systemUTC(), polling, null, WebConfig.UNLIMITED)) {
                await(() -> pollLocks(two) == 1, "one instance holds the poller's lock");
                Thread.sleep(2500);
                assertEquals(1, pollLocks(two), "one lock held");
                // Each getUpdates takes 200 ms here: two pollers would send calls less than that apart.
                List<Long> at = wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)getupdates"))).stream()
                        .map(r -> r.getLoggedDate().getTime()).sorted().toList();
                assertTrue(at.size() >= 5, "polling: " + at.size());
                for (int i = 1; i < at.size(); i++) {
                    assertTrue(at.get(i) - at.get(i - 1) >= 150, "never two pollers at once: Telegram would answer 409 Conflict");
                }
                one.close();
                int before = wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)getupdates"))).size();
                await(() -> wm.findAll(postRequestedFor(urlMatching("/bot" + TOKEN + "/(?i)getupdates"))).size() > before + 2
                        && pollLocks(two) == 1, "the other instance takes over the polling");
            } finally {
                one.close();
            }
        } finally {
            wm.stop();
        }
    }
}
