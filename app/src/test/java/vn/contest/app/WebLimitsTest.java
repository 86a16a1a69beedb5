package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.net.TrustedProxies;
import vn.contest.web.WebConfig;

/**
 * Floods from one place are turned away with 429 and a Vietnamese message, and leave nothing behind: limits
 * per client address (messages a minute, new chats an hour) and per chat (messages a second). Behind a
 * trusted proxy the client's address comes from X-Forwarded-For; from anyone else that header is ignored.
 */
class WebLimitsTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        // Small limits, so a test reaches them: 8 messages a minute, 3 new chats an hour, 2 a second per chat.
        app = TestApps.onSharedServer("web_limits", Clock.systemUTC(), null, null,
                new WebConfig(30, 8, 3, 2, TrustedProxies.parse("127.0.0.1")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long stored(String table) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    static HttpResponse<String> cookieless(String from) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/web/messages"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"xin chào\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void newChatsFromOneAddressAreCappedAndTheRefusedStoreNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, cookieless("203.0.113.7").statusCode());
        }
        assertEquals(0, stored("chat_accounts"), "no chat is stored before consent");
        long events = stored("inbound_events");
        long outbox = stored("outbox");
        HttpResponse<String> refused = cookieless("203.0.113.7");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("quá nhiều lượt truy cập mới"), refused.body());
        assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty(), "no chat handed out");
        assertEquals(events, stored("inbound_events"));
        assertEquals(outbox, stored("outbox"));
        assertEquals(200, cookieless("203.0.113.8").statusCode(), "another address behind the same proxy has its own allowance");
    }

    @Test
    void aChatSendingFasterThanAPersonIsSlowedAndItsExtraMessagesStoreNothing() {
        WebClient c = new WebClient(app.port());
        int refused = 0;
        long before = stored("inbound_events");
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = c.raw("POST", "/api/web/messages", "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"hmm\"}");
            if (r.statusCode() == 429) {
                refused++;
                assertTrue(r.body().contains("quá nhanh"), r.body());
            }
        }
        assertTrue(refused >= 1, "a burst of 8 in well under a second meets the per-chat limit");
        assertEquals(8 - refused, stored("inbound_events") - before, "only the accepted messages were stored");
    }

    @Test
    void messagesFromOneAddressAreCappedAcrossItsChats() throws Exception {
        int refused = 0;
        for (int chat = 0; chat < 3; chat++) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/web/messages"))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.9")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"hmm\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 429) {
                    refused++;
                }
            }
        }
        assertEquals(1, refused, "nine messages from one address, eight allowed a minute");
    }

    @Test
    void aMadeUpCookieIsANewChatAndCountsAgainstTheNewChatLimit() throws Exception {
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            String forged = "A".repeat(42) + i + "." + "B".repeat(43);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                            + "/api/web/messages")).header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.10")
                    .header("Cookie", "chat_session=" + forged)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"hmm\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            refused += r.statusCode() == 429 ? 1 : 0;
        }
        assertEquals(1, refused, "an unsigned cookie opens no chat: three new chats an hour from one address, the fourth refused");
    }

    @Test
    void aWebReplyIsDeliveredAsItIsWrittenWithNoDispatchWork() {
        WebClient c = new WebClient(app.port());
        c.raw("POST", "/api/web/messages", "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"xin chào\"}");
        long waiting = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM outbox WHERE channel = 'web' AND broadcast_id IS NULL AND status <> 'sent'").mapTo(Long.class).one());
        assertEquals(0, waiting, "the page reads the outbox: nothing waits for a dispatcher");
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1");
        assertEquals("198.51.100.1", proxies.clientOf("198.51.100.1", "1.2.3.4"), "a client cannot choose its address");
        assertEquals("1.2.3.4", proxies.clientOf("127.0.0.1", "1.2.3.4, 10.1.1.1"), "the nearest untrusted hop");
        assertEquals("1.2.3.4", proxies.clientOf("10.0.0.5", "9.9.9.9, 1.2.3.4"), "spoofed hops to the left are not believed");
    }
}
