package vn.contest.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.testing.TestEngine;

/**
 * The Messenger channel end to end for a test class: the real engine and database, the webhook on a real HTTP
 * server, signed events in, WireMock as the Graph API (Send API, Messenger Profile API), replies sent by the real
 * dispatcher on demand.
 */
final class MessengerStandIn implements AutoCloseable {
    static final String APP_SECRET = "app-secret-0f1e2d3c";
    static final String VERIFY_TOKEN = "verify-Bac-Kan-2026";
    static final String PAGE_TOKEN = "EAAGpage-token";
    static final String VERSION = "v25.0";
    static final String MESSAGES = "/" + VERSION + "/me/messages";
    static final String PROFILE = "/" + VERSION + "/me/messenger_profile";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final TestEngine engine;
    final WireMockServer graph;
    final MessengerConfig config;
    final MessengerSender sender;
    final MessengerWebhook webhook;
    final MessengerChannel channel;
    final OutboxDispatcher dispatcher;
    final Javalin server;

    MessengerStandIn(TestEngine engine) {
        this.engine = engine;
        graph = new WireMockServer(wireMockConfig().dynamicPort());
        graph.start();
        config = new MessengerConfig(PAGE_TOKEN, APP_SECRET, VERIFY_TOKEN, "http://localhost:" + graph.port(), VERSION, "thibackan",
                "https://thi.example.gov.vn");
        sender = new MessengerSender(new MessengerApi(config, new OkHttpClient()));
        webhook = new MessengerWebhook(config, engine.dialogue);
        channel = new MessengerChannel(config, engine.dialogue, engine.db.jdbi());
        dispatcher = new OutboxDispatcher(new OutboxStore(engine.db.jdbi()), List.of(sender));
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            webhook.install(cfg);
        }).start("127.0.0.1", 0);
    }

    /** A fresh Graph API that takes every message and profile. */
    void reset() {
        graph.resetAll();
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(10).willReturn(okJson(
                "{\"recipient_id\":\"1254477777772919\",\"message_id\":\"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P\"}")));
        graph.stubFor(post(urlPathEqualTo(PROFILE)).atPriority(10).willReturn(okJson("{\"result\":\"success\"}")));
        graph.stubFor(get(urlPathEqualTo("/" + VERSION + "/me")).atPriority(10).willReturn(okJson(
                "{\"name\":\"Chuyển đổi số tỉnh Bắc Kạn\",\"id\":\"" + MessengerEvents.PAGE_ID + "\"}")));
    }

    HttpResponse<String> deliver(String body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + MessengerWebhook.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header(MessengerSignature.HEADER, signature);
        }
        return send(b.build());
    }

    HttpResponse<String> handshake(String query) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + MessengerWebhook.PATH + "?" + query)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String body) {
        return MessengerSignature.sign(body.getBytes(StandardCharsets.UTF_8), APP_SECRET);
    }

    /** Delivers a signed POST (expecting 200) and sends whatever the outbox holds. */
    void say(String body) {
        HttpResponse<String> r = deliver(body, sign(body));
        assertEquals(200, r.statusCode(), r.body());
        drain();
    }

    void drain() {
        while (dispatcher.drainOnce(sender) > 0) {
            // until the outbox is empty
        }
    }

    static JsonNode read(String s) {
        try {
            return MessengerApi.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<LoggedRequest> sendCalls() {
        return graph.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    /** Every Send API body to {@code psid}, in order. */
    List<JsonNode> sentTo(String psid) {
        List<JsonNode> sent = new ArrayList<>();
        for (LoggedRequest r : sendCalls()) {
            JsonNode body = read(r.getBodyAsString());
            if (body.path("recipient").path("id").asText().equals(psid)) {
                sent.add(body);
            }
        }
        return sent;
    }

    List<String> texts(String psid) {
        return sentTo(psid).stream().map(b -> b.path("message").path("text").asText()).toList();
    }

    JsonNode last(String psid) {
        List<JsonNode> sent = sentTo(psid);
        return sent.get(sent.size() - 1);
    }

    String lastText(String psid) {
        return last(psid).path("message").path("text").asText();
    }

    /** The payload of the quick reply whose title contains {@code title} in the last message to {@code psid}. */
    String payload(String psid, String title) {
        for (JsonNode q : last(psid).path("message").path("quick_replies")) {
            if (q.path("title").asText().contains(title)) {
                return q.path("payload").asText();
            }
        }
        throw new AssertionError("no quick reply " + title + " in " + last(psid));
    }

    /** Taps the quick reply titled {@code title} in the last message, as Messenger reports a tap. */
    void tap(String psid, String title) {
        String payload = payload(psid, title);
        String shown = "";
        for (JsonNode q : last(psid).path("message").path("quick_replies")) {
            if (q.path("payload").asText().equals(payload)) {
                shown = q.path("title").asText();
            }
        }
        say(MessengerEvents.post(MessengerEvents.quickReply(psid, shown, payload)));
    }

    void type(String psid, String text) {
        say(MessengerEvents.post(MessengerEvents.text(psid, text)));
    }

    long count(String sql) {
        return engine.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        server.stop();
        channel.close();
        graph.stop();
        engine.close();
    }
}
