package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.contest.Contest;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.store.Database;
import vn.contest.core.testing.MutableClock;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

/**
 * Telegram holds back a chat's later updates until one is acknowledged, so the webhook answers non-2xx only
 * when the database cannot be reached (it will be again), and acknowledges an update that fails for good.
 */
class TelegramFaultsTest {
    static final String SECRET = "faults-secret";

    static int deliver(Dialogue dialogue) throws Exception {
        var client = new OkHttpTelegramClient(BotApiStub.TOKEN, new org.telegram.telegrambots.meta.TelegramUrl("http", "127.0.0.1", 9, false));
        try (UpdateHandler handler = new UpdateHandler(dialogue, client)) {
            TelegramWebhook webhook = new TelegramWebhook(SECRET, handler);
            Javalin server = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                webhook.install(cfg);
            }).start("127.0.0.1", 0);
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + TelegramWebhook.PATH))
                        .header(TelegramWebhook.SECRET_HEADER, SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString(Updates.text(Updates.nextId(), 7_000_001L, "xin chào"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode();
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void anUnreachableDatabaseAsksTelegramToDeliverAgain() throws Exception {
        Contest contest;
        try (Database db = TestDatabase.fresh()) {
            contest = TestContest.install(db.jdbi(), TestContest.config());
        }
        Jdbi unreachable = Jdbi.create("jdbc:postgresql://127.0.0.1:1/contest?connectTimeout=2", "postgres", "postgres");
        int status = deliver(new Dialogue(unreachable, contest, new MutableClock(Instant.now()), new PaperDrawer()));
        org.junit.jupiter.api.Assertions.assertTrue(status >= 500, "a passing fault is not acknowledged: " + status);
    }

    @Test
    void anUpdateThatFailsForGoodIsAcknowledged() throws Exception {
        try (Database db = TestDatabase.fresh()) {
            TestContest.install(db.jdbi(), TestContest.config());
            Dialogue broken = new Dialogue(db.jdbi(), () -> {
                throw new IllegalStateException("a bug in the rules");
            }, new MutableClock(Instant.now()), new PaperDrawer());
            assertEquals(200, deliver(broken));
        }
    }
}
