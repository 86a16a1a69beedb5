package vn.contest.zalo;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.testing.TestEngine;

/**
 * The Zalo channel end to end for a test class: the real engine and database, the webhook on a real HTTP
 * server, signed events in, WireMock as the OA API and OAuth, replies sent by the real dispatcher on demand.
 */
final class ZaloStandIn implements AutoCloseable {
    static final String OA_SECRET = "oa-secret-KEY";
    static final String PUBLIC_URL = "https://thi.example.gov.vn";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final TestEngine engine;
    final WireMockServer zalo;
    final ZaloConfig config;
    final ZaloTokens tokens;
    final ZaloSender sender;
    final ZaloWebhook webhook;
    final OutboxDispatcher dispatcher;
    final Javalin server;

    ZaloStandIn(TestEngine engine) {
        this.engine = engine;
        zalo = new WireMockServer(wireMockConfig().dynamicPort());
        zalo.start();
        String base = "http://localhost:" + zalo.port();
        // The app's address is https, so the phone card shows the app's own picture from there.
        config = new ZaloConfig(ZaloEvents.APP_ID, "app-secret", OA_SECRET, "AT1", "RT1", base, base, null, base,
                ZaloConfig.DEFAULT_MAX_EVENT_AGE, null, null, PUBLIC_URL, false);
        OkHttpClient ok = new OkHttpClient();
        tokens = new ZaloTokens(engine.db.jdbi(), config, ok, Clock.systemUTC());
        ZaloApi api = new ZaloApi(config, ok, tokens);
        TapTexts taps = new TapTexts(engine.db.jdbi());
        sender = new ZaloSender(api, taps, config.cardImage(), Clock.systemUTC());
        webhook = new ZaloWebhook(config, engine.dialogue, api, taps, Clock.systemUTC());
        dispatcher = new OutboxDispatcher(new OutboxStore(engine.db.jdbi()), List.of(sender));
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            webhook.install(cfg);
        }).start("127.0.0.1", 0);
        reset(); // ready to use: the OA API answers and the token pair is stored
    }

    /** A fresh OA API that accepts every message, and fresh tokens. */
    void reset() {
        zalo.resetAll();
        zalo.stubFor(post(urlPathEqualTo("/v3.0/oa/message/cs")).atPriority(10).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"63ecf43f\",\"user_id\":\"1\"}}")));
        zalo.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).atPriority(10).willReturn(okJson(
                "{\"access_token\":\"AT2\",\"refresh_token\":\"RT2\",\"expires_in\":\"90000\"}")));
        engine.db.jdbi().useHandle(h -> h.execute("DELETE FROM platform_tokens"));
        tokens.seed();
    }

    HttpResponse<String> deliver(String body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + ZaloWebhook.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header(ZaloSignature.HEADER, signature);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String body) {
        JsonNode event = read(body);
        return ZaloSignature.sign(ZaloEvents.APP_ID, body.getBytes(StandardCharsets.UTF_8), event.path("timestamp").asText(), OA_SECRET);
    }

    /** Delivers a signed event (expecting 200) and sends whatever the outbox holds. */
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
            return ZaloApi.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<LoggedRequest> csCalls() {
        return zalo.findAll(postRequestedFor(urlPathEqualTo("/v3.0/oa/message/cs")));
    }

    List<JsonNode> sentTo(String user) {
        List<JsonNode> sent = new ArrayList<>();
        for (LoggedRequest r : csCalls()) {
            JsonNode body = read(r.getBodyAsString());
            if (body.path("recipient").path("user_id").asText().equals(user)) {
                sent.add(body);
            }
        }
        return sent;
    }

    JsonNode lastText(String user) {
        List<JsonNode> sent = sentTo(user).stream().filter(b -> b.path("message").has("text")).toList();
        return sent.get(sent.size() - 1);
    }

    static String payload(JsonNode sent, String title) {
        for (JsonNode b : sent.path("message").path("attachment").path("payload").path("buttons")) {
            if (b.path("title").asText().contains(title)) {
                return b.path("payload").asText();
            }
        }
        throw new AssertionError("no button " + title + " in " + sent);
    }

    long count(String sql) {
        return engine.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        server.stop();
        webhook.close();
        zalo.stop();
        engine.close();
    }
}
