package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.testing.TestEngine;

/**
 * The Telegram channel end to end for a test class: the real engine and database, the webhook route on a real
 * HTTP server, WireMock as the Bot API, replies sent by the real dispatcher on demand (no per-chat pause).
 */
final class TelegramStandIn implements AutoCloseable {
    static final String SECRET = "s3cret-Token_1";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final TestEngine engine;
    final BotApiStub api = new BotApiStub();
    final UpdateHandler handler;
    final Javalin server;
    final TelegramSender sender;
    final OutboxDispatcher dispatcher;

    TelegramStandIn(TestEngine engine) {
        this.engine = engine;
        var client = new OkHttpTelegramClient(BotApiStub.TOKEN, api.config(TelegramConfig.Mode.WEBHOOK).telegramUrl());
        handler = new UpdateHandler(engine.dialogue, client);
        TelegramWebhook webhook = new TelegramWebhook(SECRET, handler);
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 1024 * 1024;
            webhook.install(cfg);
        }).start("127.0.0.1", 0);
        sender = new TelegramSender(client, Duration.ZERO);
        dispatcher = new OutboxDispatcher(new OutboxStore(engine.db.jdbi()), List.of(sender));
    }

    HttpResponse<String> deliver(String body, String secret) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + TelegramWebhook.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(TelegramWebhook.SECRET_HEADER, secret);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The methods our webhook put in its responses (the "webhook reply"), in order. */
    final List<JsonNode> webhookReplies = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Delivers an update (expecting 200) and sends whatever the outbox holds. */
    void say(String update) {
        HttpResponse<String> r = deliver(update, SECRET);
        assertEquals(200, r.statusCode(), r.body());
        if (!r.body().isBlank()) {
            try {
                webhookReplies.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        drain();
    }

    void drain() {
        while (dispatcher.drainOnce(sender) > 0) {
            // until the outbox is empty
        }
    }

    /** What the chat shows last (a message sent, or changed in place since). */
    JsonNode last(long chatId) {
        return api.lastShown(chatId).body();
    }

    /** The Telegram id of the message the chat shows last, as a tap on its buttons names it. */
    int lastId(long chatId) {
        return api.lastShown(chatId).messageId();
    }

    static String callbackData(JsonNode message, String label) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().contains(label)) {
                    return button.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + message);
    }

    long count(String sql) {
        return engine.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        server.stop();
        handler.close();
        api.close();
        engine.close();
    }
}
