package vn.contest.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/**
 * A unit's m.me link, https://m.me/PAGE?ref=CONTEST-UNIT, with two contests open behind one Page: the ref comes
 * back on the Get Started postback of a new thread, or as a referral event in an existing one, and preselects the
 * contest and the unit.
 */
class MessengerUnitLinkTest {
    static MessengerStandIn m;

    @BeforeAll
    static void setUp() {
        m = new MessengerStandIn(TestEngine.start(TestContest.config(), TestEngine.secondContest()));
    }

    @AfterAll
    static void tearDown() {
        m.close();
    }

    @BeforeEach
    void reset() {
        m.reset();
    }

    /** Consent, name, birth date, a typed phone and the group: up to the unit's question. */
    static void registerUpToTheUnit(String psid, String phone) {
        m.tap(psid, "Đồng ý");
        m.type(psid, "Lý Thị Mai");
        m.type(psid, "05/09/1961");
        m.type(psid, phone);
        m.type(psid, "2");
    }

    static String unitOf(String phone) {
        return m.engine.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.code || '/' || u.code || '/' || r.code FROM participants p JOIN units u ON u.id = p.unit_id
                JOIN units r ON r.id = p.referral_unit_id JOIN contests c ON c.id = p.contest_id WHERE p.phone = :p""")
                .bind("p", phone).mapTo(String.class).one());
    }

    @Test
    void theUnitsLinkIsAnMmeLinkWithTheContestAndUnit() {
        assertEquals("https://m.me/thibackan?ref=test-contest-huyen-b", m.channel.unitLink("test-contest", "huyen-b").orElseThrow());
        MessengerConfig noPage = new MessengerConfig("t", "s", "v", "http://localhost", "v25.0", null, null);
        assertEquals(java.util.Optional.empty(), new MessengerChannel(noPage, null, null).unitLink("test-contest", "huyen-b"),
                "no link without MESSENGER_PAGE_USERNAME");
        String unit = "x".repeat(60);
        assertEquals("https://m.me/thibackan?ref=" + unit, m.channel.unitLink("test-contest", unit).orElseThrow(),
                "past the 64 characters a start payload may have, the unit alone");
    }

    @Test
    void aRefOnGetStartedPreselectsTheContestAndTheUnit() {
        String psid = "6024687352200001";
        String ref = m.channel.unitLink("luat-2026", "huyen-b").orElseThrow().replaceFirst(".*\\?ref=", "");
        m.say(MessengerEvents.post(MessengerEvents.getStarted(psid, ref)));
        assertTrue(m.texts(psid).stream().anyMatch(t -> t.startsWith("【Cuộc thi tìm hiểu pháp luật】")), "the link's contest, not the choice of two: "
                + m.texts(psid));
        registerUpToTheUnit(psid, "0912000901");
        assertTrue(m.lastText(psid).contains("Bạn đến từ đường dẫn của Huyện B"), m.lastText(psid));
        assertEquals("✔ Huyện B", m.last(psid).path("message").path("quick_replies").get(0).path("title").asText());
        m.tap(psid, "✔ Huyện B");
        m.tap(psid, "Xác nhận");
        assertEquals("luat-2026/huyen-b/huyen-b", unitOf("0912000901"));
    }

    @Test
    void aReferralInAnExistingThreadPreselectsTheUnit() {
        String psid = "6024687352200002";
        m.type(psid, "xin chào");
        assertTrue(m.texts(psid).stream().anyMatch(t -> t.contains("Hiện có 2 cuộc thi")), m.texts(psid).toString());
        m.say(MessengerEvents.post(MessengerEvents.referral(psid, "test-contest-so-tttt")));
        assertTrue(m.texts(psid).stream().anyMatch(t -> t.startsWith("【Cuộc thi thử nghiệm】")), m.texts(psid).toString());
        registerUpToTheUnit(psid, "0912000902");
        assertTrue(m.lastText(psid).contains("Bạn đến từ đường dẫn của Sở Thông tin và Truyền thông"), m.lastText(psid));
        m.tap(psid, "✔ Sở Thông tin");
        m.tap(psid, "Xác nhận");
        assertEquals("test-contest/so-tttt/so-tttt", unitOf("0912000902"));
    }

    @Test
    void theChannelsSettingsAreAllOrNoneAndSaySoClearly() {
        assertEquals(java.util.Optional.empty(), MessengerConfig.fromEnv(java.util.Map.of()));
        IllegalArgumentException half = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MessengerConfig.fromEnv(java.util.Map.of("MESSENGER_PAGE_TOKEN", "EAAG", "MESSENGER_APP_SECRET", "s")));
        assertTrue(half.getMessage().contains("MESSENGER_VERIFY_TOKEN") && half.getMessage().contains("half configured")
                && !half.getMessage().contains("EAAG"), half.getMessage());
        java.util.Map<String, String> all = new java.util.HashMap<>(java.util.Map.of("MESSENGER_PAGE_TOKEN", "EAAG", "MESSENGER_APP_SECRET", "s",
                "MESSENGER_VERIFY_TOKEN", "v", "MESSENGER_PAGE_USERNAME", "https://www.facebook.com/thibackan/"));
        MessengerConfig config = MessengerConfig.fromEnv(all).orElseThrow();
        assertEquals(List.of("https://graph.facebook.com", MessengerConfig.DEFAULT_GRAPH_VERSION, "thibackan"),
                List.of(config.apiUrl(), config.graphVersion(), config.pageUsername()));
        assertTrue(!config.toString().contains("EAAG"), "the token never printed");
        all.put("MESSENGER_GRAPH_VERSION", "v20.0");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MessengerConfig.fromEnv(all))
                .getMessage().startsWith("MESSENGER_GRAPH_VERSION"));
        all.put("MESSENGER_GRAPH_VERSION", "23.0");
        assertEquals("v23.0", MessengerConfig.fromEnv(all).orElseThrow().graphVersion());
        all.put("MESSENGER_PAGE_USERNAME", "thi bac kan");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MessengerConfig.fromEnv(all))
                .getMessage().startsWith("MESSENGER_PAGE_USERNAME"));
    }
}
