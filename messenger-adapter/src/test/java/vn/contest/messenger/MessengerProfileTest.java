package vn.contest.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.check.Check;
import vn.contest.core.testing.TestEngine;

/**
 * What the channel sets and checks at the Page: the Get Started button and persistent menu (Messenger Profile API),
 * like Telegram's command menu, and the menu's items played back as postbacks; the doctor's checks of the token.
 */
class MessengerProfileTest {
    static MessengerStandIn m;
    static final String ERROR_190 = "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"B1\"}}";

    @BeforeAll
    static void setUp() {
        m = new MessengerStandIn(TestEngine.start());
    }

    @AfterAll
    static void tearDown() {
        m.close();
    }

    @BeforeEach
    void reset() {
        m.reset();
    }

    @Test
    void theGetStartedButtonAndMenuAreSetAndTheirPostbacksWork() {
        m.channel.publishProfile();
        List<LoggedRequest> calls = m.graph.findAll(postRequestedFor(urlPathEqualTo(MessengerStandIn.PROFILE)));
        assertEquals(1, calls.size());
        assertEquals(MessengerStandIn.PAGE_TOKEN, calls.get(0).queryParameter("access_token").firstValue());
        JsonNode body = MessengerStandIn.read(calls.get(0).getBodyAsString());
        assertEquals(Payloads.GET_STARTED, body.path("get_started").path("payload").asText());
        assertTrue(body.path("greeting").get(0).path("text").asText().length() <= 160, "Messenger's greeting limit");
        JsonNode items = body.path("persistent_menu").get(0).path("call_to_actions");
        assertTrue(items.size() >= 5 && items.size() <= 20, items.toString());
        for (JsonNode item : items) {
            assertEquals("postback", item.path("type").asText());
            assertTrue(item.path("title").asText().length() <= MessengerSender.MAX_TITLE, item.toString());
        }
        assertTrue(m.channel.alerts().isEmpty());

        // Each menu item answers as its typed command does: "Thể lệ" gives the rules.
        String psid = "6024687352400001";
        m.say(MessengerEvents.post(MessengerEvents.getStarted(psid, null)));
        JsonNode rules = null;
        for (JsonNode item : items) {
            if (item.path("title").asText().equals("Thể lệ")) {
                rules = item;
            }
        }
        m.say(MessengerEvents.post(MessengerEvents.postback(psid, "Thể lệ", rules.path("payload").asText(), null)));
        assertTrue(m.texts(psid).stream().anyMatch(t -> t.contains("Thể lệ thử nghiệm")), m.texts(psid).toString());
    }

    @Test
    void aRefusedProfileIsAnAlertWithoutTheToken() {
        m.graph.stubFor(post(urlPathEqualTo(MessengerStandIn.PROFILE)).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(ERROR_190)));
        m.channel.publishProfile();
        assertEquals(List.of(MessengerChannel.PROFILE_ALERT), m.channel.alerts().stream().map(a -> a.code()).toList());
        assertTrue(m.channel.alerts().get(0).text().contains("190"));
        assertFalse(m.channel.alerts().get(0).text().contains(MessengerStandIn.PAGE_TOKEN));
        m.reset();
        m.channel.publishProfile();
        assertTrue(m.channel.alerts().isEmpty(), "cleared once Graph takes it");
    }

    @Test
    void theDoctorChecksTheTokenWithGraph() {
        List<Check> ok = m.channel.checks();
        assertEquals(Check.Status.OK, ok.get(0).status());
        assertTrue(ok.get(0).detail().contains("Chuyển đổi số tỉnh Bắc Kạn"), ok.get(0).line());
        m.graph.stubFor(get(urlPathEqualTo("/" + MessengerStandIn.VERSION + "/me")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(ERROR_190)));
        Check refused = m.channel.checks().get(0);
        assertEquals(Check.Status.FAIL, refused.status());
        assertTrue(refused.whatToDo().contains("MESSENGER_PAGE_TOKEN") && !refused.line().contains(MessengerStandIn.PAGE_TOKEN), refused.line());
    }
}
