package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** On a fresh start, with nothing waiting, the outbox figures exist at 0 for every channel served: a value, not "no data". */
class MetricsAtStartTest {
    @Test
    void theOutboxFiguresAreZeroForEveryChannelBeforeAnythingHappens() throws Exception {
        try (App app = TestApps.onSharedServer("metrics_at_start", Clock.systemUTC())) {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("contest_outbox_depth{channel=\"web\"} 0.0"), metrics.lines()
                    .filter(l -> l.startsWith("contest_outbox")).toList().toString());
            assertTrue(metrics.contains("contest_outbox_oldest_age_seconds{channel=\"web\"} 0.0"), metrics.lines()
                    .filter(l -> l.startsWith("contest_outbox")).toList().toString());
            // Sends per channel and outcome exist at 0 too (the platform's code "none" until one names it).
            for (String outcome : java.util.List.of("sent\",code=\"ok", "retry\",code=\"none", "held\",code=\"none",
                    "undeliverable\",code=\"none")) {
                String line = "contest_sends_total{channel=\"web\",code=\"" + outcome.split("\",code=\"")[1] + "\",outcome=\""
                        + outcome.split("\",code=\"")[0] + "\"} 0.0";
                assertTrue(metrics.contains(line), line + " in " + metrics.lines().filter(l -> l.startsWith("contest_sends")).toList());
            }
        }
    }
}
