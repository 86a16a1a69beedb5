package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.contest.web.WebConfig;

/**
 * PostgreSQL stops while people answer, then comes back on the same address: meanwhile the app answers 5xx
 * (so a platform retries and a page can resend) and /health says so; afterwards it recovers without a
 * restart, and an answer resent with the same id counts once.
 */
class DatabaseOutageTest {
    static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("timezone", "UTC").start();
    }

    @Test
    void theAppAnswers5xxWhileTheDatabaseIsGoneAndRecoversOnItsOwn(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = start(data, port);
        try (var c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"))) {
            c.createStatement().execute("CREATE DATABASE outage");
        }
        AppConfig config = new AppConfig("127.0.0.1", 0, Files.createTempDirectory("unused"),
                "jdbc:postgresql://localhost:" + port + "/outage", "postgres", "postgres", null, null, null, TestApps.ADMIN_PASSWORD,
                null, WebConfig.UNLIMITED, AppConfig.DEFAULT_MAX_UPLOAD_MB, 60, null);
        try (App app = App.start(config, Clock.systemUTC())) {
            WebClient browser = new WebClient(app.port());
            browser.register("Lý Văn Bền", "09/09/1979", "0388000222", 1, "1");
            browser.tap(browser.token("Bắt đầu thi"));
            String answer = browser.lastQuestion().get("choices").get(0).get("token").asText();
            String id = UUID.randomUUID().toString();
            String body = "{\"id\":\"" + id + "\",\"choice\":\"" + answer + "\"}";

            // Load from other browsers all through the outage: every message acknowledged with a 2xx must be stored.
            java.util.List<WebClient> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                WebClient other = new WebClient(app.port());
                other.register("Người Thứ " + "ABC".charAt(i), "01/01/1990", "038800033" + i, 2, "1");
                others.add(other);
            }
            java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.List<Thread> load = new java.util.ArrayList<>();
            for (WebClient other : others) {
                Thread t = new Thread(() -> {
                    while (loading.get()) {
                        String mid = UUID.randomUUID().toString();
                        var r = other.raw("POST", "/api/web/messages", "{\"id\":\"" + mid + "\",\"text\":\"kết quả\"}");
                        if (r.statusCode() == 200) {
                            acknowledged.add(mid);
                        } else if (r.statusCode() >= 500) {
                            refused.incrementAndGet();
                        }
                    }
                });
                t.start();
                load.add(t);
            }
            Thread.sleep(500);

            pg.close();
            var down = browser.raw("POST", "/api/web/messages", body);
            assertTrue(down.statusCode() >= 500, "the answer is refused while the database is gone: " + down.statusCode());
            assertTrue(!down.body().contains("Exception") && !down.body().contains("at vn."), "no stack trace: " + down.body());
            var health = browser.raw("GET", "/health", null);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("DATABASE_UNAVAILABLE"), health.body());

            pg = start(data, port);
            long end = System.nanoTime() + 30_000_000_000L;
            int status = 0;
            while (System.nanoTime() < end && status != 200) {
                status = browser.raw("GET", "/health", null).statusCode();
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            assertEquals(200, status, "/health follows the database back");
            var again = browser.raw("POST", "/api/web/messages", body);
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(again.body().contains("Câu 2/10"), "the resent answer counted, the paper goes on: " + again.body());
            assertEquals(200, browser.raw("POST", "/api/web/messages", body).statusCode(), "a third send of the same id");
            long answered = app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM attempt_questions WHERE chosen_index IS NOT NULL").mapTo(Long.class).one());
            assertEquals(1, answered, "counted once");
            Thread.sleep(500);
            loading.set(false);
            for (Thread t : load) {
                t.join();
            }
            assertTrue(refused.get() > 0, "the load met the outage");
            // The web channel keys a message by its chat and the page's id.
            long stored = app.database().jdbi().withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM inbound_events WHERE split_part(event_id, ':', 2) = ANY(:ids)")
                    .bind("ids", acknowledged.toArray(new String[0])).mapTo(Long.class).one());
            assertEquals(acknowledged.size(), stored, "every acknowledged message is in the database");
        } finally {
            pg.close();
        }
    }
}
