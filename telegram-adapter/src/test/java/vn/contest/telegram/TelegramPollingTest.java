package vn.contest.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestEngine;

/** TELEGRAM_MODE=polling: getUpdates from the stand-in Bot API, the same engine path, the offset confirmed. */
class TelegramPollingTest {

    @Test
    void pollsUpdatesHandlesThemAndConfirmsTheOffset() throws Exception {
        try (TestEngine engine = TestEngine.start(); BotApiStub api = new BotApiStub()) {
            Database db = engine.db;
            Dialogue dialogue = engine.dialogue;
            long user = 6_000_001L;
            int first = Updates.nextId();
            int second = Updates.nextId();
            String batch = "{\"ok\":true,\"result\":[" + Updates.text(first, user, "/start") + ","
                    + Updates.text(second, user, "đồng ý") + "]}";
            api.wm.stubFor(post(BotApiStub.api("getUpdates")).inScenario("poll").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(okJson(batch)).willSetStateTo("drained"));
            api.wm.stubFor(post(BotApiStub.api("getUpdates")).inScenario("poll").whenScenarioStateIs("drained")
                    .willReturn(okJson("{\"ok\":true,\"result\":[]}")));

            var client = new OkHttpTelegramClient(BotApiStub.TOKEN, api.config(TelegramConfig.Mode.POLLING).telegramUrl());
            TelegramSender sender = new TelegramSender(client, Duration.ZERO);
            OutboxDispatcher dispatcher = new OutboxDispatcher(new OutboxStore(db.jdbi()), List.of(sender));
            try (UpdateHandler handler = new UpdateHandler(dialogue, client);
                 TelegramPoller poller = new TelegramPoller(client, handler, db.jdbi(), 0)) {
                poller.start();
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (api.calls("getUpdates").size() < 3 && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            }
            while (dispatcher.drainOnce(sender) > 0) {
                // send what the two updates produced
            }
            assertEquals(1, api.calls("deleteWebhook").size(), "polling needs the webhook removed first");
            List<JsonNode> polls = api.calls("getUpdates");
            assertTrue(polls.size() >= 3, "kept polling: " + polls.size());
            assertEquals(0, polls.get(0).path("offset").asInt());
            assertEquals(second + 1, polls.get(1).path("offset").asInt(), "the offset confirms both updates");
            assertEquals("message", polls.get(0).path("allowed_updates").get(0).asText());
            List<JsonNode> sent = api.sentTo(user);
            assertTrue(sent.stream().anyMatch(m -> m.path("text").asText().contains("Chào mừng")), "welcomed");
            assertTrue(sent.get(sent.size() - 1).path("text").asText().contains("họ và tên"), "consent accepted, name asked");
            long events = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM inbound_events WHERE channel = 'telegram'")
                    .mapTo(Long.class).one());
            assertEquals(2, events);
        }
    }
}
