package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestDatabase;

/**
 * The app's JVM killed with SIGKILL while people answer, then started again: every answer that got a 2xx is
 * stored exactly once, every paper goes on where it stood, and each chat's history shows every reply once.
 */
class KillNineTest {
    static final int PEOPLE = 4;

    /** One person answering their paper through the web API, whatever happens to the server. */
    static final class Answerer implements Runnable {
        final WebClient client;
        final Set<String> acknowledged;
        final AtomicInteger answeredTotal;
        volatile boolean done;

        Answerer(WebClient client, Set<String> acknowledged, AtomicInteger answeredTotal) {
            this.client = client;
            this.acknowledged = acknowledged;
            this.answeredTotal = answeredTotal;
        }

        @Override
        public void run() {
            long end = System.nanoTime() + 180_000_000_000L;
            while (!done && System.nanoTime() < end) {
                try {
                    List<JsonNode> history = client.pollAllMessages();
                    JsonNode last = history.get(history.size() - 1);
                    String text = last.get("text").asText();
                    if (text.contains("Bạn muốn làm gì tiếp theo")) {
                        done = true;
                        return;
                    }
                    String id = UUID.randomUUID().toString();
                    String body = text.contains("Câu hỏi dự đoán")
                            ? "{\"id\":\"" + id + "\",\"text\":\"1234\"}"
                            : "{\"id\":\"" + id + "\",\"choice\":\"" + last.get("choices").get(0).get("token").asText() + "\"}";
                    if (client.raw("POST", "/api/web/messages", body).statusCode() == 200) {
                        acknowledged.add(id);
                        answeredTotal.incrementAndGet();
                    }
                } catch (RuntimeException serverGone) {
                    pause();
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyAcknowledgedAnswerSurvivesAKillNineAndCountsOnce() throws Exception {
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE kill_nine");
        }
        String url = TestDatabase.server().jdbcUrl("kill_nine");
        int port = ChildApp.freePort();
        ChildApp first = new ChildApp(url, port, Map.of()).start();
        List<WebClient> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            WebClient p = new WebClient(first.port);
            p.register("Người Bền Bỉ " + "ABCD".charAt(i), "01/01/1980", "093800010" + i, 2, "1");
            p.tap(p.token("Bắt đầu thi"));
            people.add(p);
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        List<Answerer> answerers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (WebClient p : people) {
            Answerer a = new Answerer(p, acknowledged, answered);
            answerers.add(a);
            Thread t = new Thread(a);
            threads.add(t);
            t.start();
        }
        try {
            long until = System.nanoTime() + 120_000_000_000L;
            while (answered.get() < 12 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        } finally {
            first.kill();
            first.close();
        }
        int beforeRestart = acknowledged.size();
        try (ChildApp second = new ChildApp(url, port, Map.of())) {
            second.start();
            for (Thread t : threads) {
                t.join(180_000);
            }
            assertTrue(answerers.stream().allMatch(a -> a.done), "every paper finished after the restart");
            assertTrue(beforeRestart >= 12, "the kill came in the middle of the answering");
            try (var c = DriverManager.getConnection(url, "postgres", "postgres")) {
                var ids = c.createArrayOf("text", acknowledged.toArray());
                var st = c.prepareStatement("SELECT count(*) FROM inbound_events WHERE split_part(event_id, ':', 2) = ANY(?)");
                st.setArray(1, ids);
                var rs = st.executeQuery();
                rs.next();
                assertEquals(acknowledged.size(), rs.getInt(1), "every acknowledged answer is stored");
                var papers = c.createStatement().executeQuery("""
                        SELECT count(*) FILTER (WHERE status = 'finished'), min(n) FROM (
                          SELECT a.status, (SELECT count(*) FROM attempt_questions q WHERE q.attempt_id = a.id AND q.chosen_index IS NOT NULL) AS n
                          FROM attempts a) x""");
                papers.next();
                assertEquals(PEOPLE, papers.getInt(1), "every paper finished");
                assertEquals(10, papers.getInt(2), "no answer lost: every paper has all ten");
            }
            for (WebClient p : people) {
                List<JsonNode> history = p.pollAllMessages();
                assertEquals(1, history.stream().filter(m -> m.get("text").asText().contains("Bạn đã hoàn thành lượt thi")).count(),
                        "the paper finished once, its result shown once");
            }
        }
    }
}
