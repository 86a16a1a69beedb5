package vn.contest.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.ranking.PrizeProposal;
import vn.contest.core.testing.MutableClock;
import vn.contest.zalo.ZaloConfig;

/**
 * One verified person, one entry, played over real HTTP: the web one-time code through a ZNS stand-in, the
 * takeover of a typed phone replayed, and leaving a shared computer.
 */
class FairPlayTest {
    static WireMockServer zns;
    static MutableClock clock;
    static App app;

    @BeforeAll
    static void start() throws Exception {
        zns = new WireMockServer(wireMockConfig().dynamicPort());
        zns.start();
        String base = "http://localhost:" + zns.port();
        ZaloConfig zalo = ZaloConfig.fromEnv(Map.of("ZALO_APP_ID", "111", "ZALO_APP_SECRET", "app-secret",
                "ZALO_OA_SECRET_KEY", "oa-secret", "ZALO_ACCESS_TOKEN", "AT1", "ZALO_REFRESH_TOKEN", "RT1",
                "ZALO_API_URL", base, "ZALO_OAUTH_URL", base, "ZALO_ZNS_URL", base,
                "ZALO_ZNS_OTP_TEMPLATE_ID", "248613", "ZNS_PER_ADDRESS", "1000")).orElseThrow();
        clock = new MutableClock(Instant.now());
        app = TestApps.onSharedServer("fair_play", clock, null, zalo);
    }

    @AfterAll
    static void stop() {
        app.close();
        zns.stop();
    }

    @BeforeEach
    void znsSends() {
        zns.resetAll();
        zns.stubFor(post(urlPathEqualTo("/message/template")).willReturn(okJson(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"a1b2\",\"sent_time\":\"1700000000000\"}}")));
    }

    /** Registration up to the phone step, then the phone typed. */
    static WebClient upToThePhone(String name, String phone) {
        WebClient c = new WebClient(app.port());
        c.send("xin chào");
        c.tap(c.token("Đồng ý"));
        c.send(name);
        c.send("05/05/1985");
        c.send(phone);
        return c;
    }

    /** The code the stand-in received for this phone (the participant reads it in their Zalo app). */
    static String codeSentTo(String phone) {
        List<JsonNode> sends = zns.findAll(postRequestedFor(urlPathEqualTo("/message/template"))).stream()
                .map(r -> read(r.getBodyAsString())).filter(b -> b.path("phone").asText().equals("84" + phone.substring(1))).toList();
        assertFalse(sends.isEmpty(), "a code was sent to " + phone);
        JsonNode last = sends.get(sends.size() - 1);
        assertEquals("248613", last.path("template_id").asText());
        assertFalse(last.path("tracking_id").asText().isEmpty());
        return last.path("template_data").path("otp").asText();
    }

    static JsonNode read(String json) {
        try {
            return WebClient.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String verification(String phone) {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT coalesce(phone_verified_via, 'typed') FROM participants WHERE phone = :p AND disputed_at IS NULL")
                .bind("p", phone).mapTo(String.class).one());
    }

    @Test
    void aWebPhoneIsVerifiedWithTheCodeSentThroughZns() {
        WebClient c = upToThePhone("Đinh Thị Mã", "0912400001");
        assertTrue(c.text().contains("0912***001") && c.text().contains("6 chữ số"), c.text());
        String code = codeSentTo("0912400001");
        assertTrue(code.matches("\\d{6}"), code);
        String stored = app.database().jdbi().withHandle(h -> h.createQuery("SELECT code_hash FROM phone_codes ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertFalse(stored.contains(code), "only a hash is stored");
        c.send(code);
        c.send("2");
        c.send("1");
        c.tap(c.token("Xác nhận"));
        assertTrue(c.text().contains("Đăng ký thành công"), c.text());
        assertEquals("web_code", verification("0912400001"));
    }

    @Test
    void fiveWrongCodesUseUpTheCodeAndAnExpiredOneIsRefused() {
        WebClient c = upToThePhone("Phí Văn Sai", "0912400002");
        String code = codeSentTo("0912400002");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            c.send(wrong);
            assertTrue(c.text().contains("còn " + (5 - i) + " lần thử"), c.text());
        }
        c.send(wrong);
        assertTrue(c.text().contains("nhập sai 5 lần"), c.text());
        c.send(code);
        assertTrue(c.text().contains("nhập sai 5 lần"), "the right code no longer opens it: " + c.text());

        c.tap(c.token("Gửi lại mã"));
        String second = codeSentTo("0912400002");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        c.send(second);
        assertTrue(c.text().contains("hết hiệu lực"), c.text());

        c.tap(c.token("Gửi lại mã"));
        c.send(codeSentTo("0912400002"));
        assertTrue(c.text().contains("Bước 4/5"), "verified, registration goes on: " + c.text());
    }

    @Test
    void aVerifiedOwnerTakesTheNumberFromATypedRecordAndTheImpostorWinsNothing() {
        // The impostor types the owner's number on the web and skips the code.
        String phone = "0912400003";
        WebClient impostor = upToThePhone("Kẻ Giả Danh", phone);
        impostor.tap(impostor.token("Bỏ qua"));
        impostor.send("2");
        impostor.send("1");
        impostor.tap(impostor.token("Xác nhận"));
        impostor.takePaper(app, 10);

        // The owner shares their own contact on Telegram.
        ChatRef telegram = new ChatRef("telegram", "7700003");
        deliver(Inbound.text(telegram, id(), "/start"));
        deliver(Inbound.text(telegram, id(), "đồng ý"));
        deliver(Inbound.text(telegram, id(), "Hoàng Văn Chủ"));
        deliver(Inbound.text(telegram, id(), "06/06/1986"));
        deliver(Inbound.contact(telegram, id(), phone, true));
        deliver(Inbound.text(telegram, id(), "2"));
        deliver(Inbound.text(telegram, id(), "1"));
        deliver(Inbound.text(telegram, id(), "xác nhận"));

        assertEquals("telegram", verification(phone));
        long impostorId = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM participants WHERE full_name = 'Kẻ Giả Danh' AND disputed_at IS NOT NULL").mapTo(Long.class).one());
        long ownerChats = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM chat_accounts WHERE participant_id = :p").bind("p", impostorId).mapTo(Long.class).one());
        assertEquals(1, ownerChats, "only the impostor's own web chat acts for the typed record");
        impostor.send("kết quả");
        assertTrue(impostor.text().contains("Kết quả của bạn") && impostor.text().contains("đúng 10/"),
                "the web chat still shows only the impostor's own paper: " + impostor.text());
        impostor.tap(impostor.token("Bắt đầu thi"));
        assertTrue(impostor.text().contains("Ban Tổ chức đang xem xét"), "no new papers while disputed: " + impostor.text());
        PrizeProposal proposal = app.database().jdbi().withHandle(h -> PrizeProposal.of(h, app.contest()));
        assertTrue(proposal.individual().stream().noneMatch(p -> p.award().participantId() == impostorId),
                "the prize list does not carry the impostor: " + proposal);

        AdminClient secretary = new AdminClient(app.port());
        secretary.login("admin", TestApps.ADMIN_PASSWORD);
        String participants = secretary.get("/admin/participants").body();
        assertTrue(participants.contains("id=\"disputes\"") && participants.contains("Kẻ Giả Danh"), participants);
        assertEquals(404, secretary.post("/admin/participants/" + impostorId + "/verify", Map.of()).statusCode(),
                "a call to the number reaches its verified owner: a disputed record cannot be verified that way");
        String results = secretary.get("/admin/results").body();
        assertTrue(results.contains("Kẻ Giả Danh") && results.contains("id=\"passed-over\""), "shown as passed over");
        assertEquals(303, secretary.post("/admin/participants/" + impostorId + "/resolve",
                Map.of("resolution", "DISQUALIFIED", "reason", "Nhập số điện thoại của người khác")).statusCode());
        assertTrue(app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE action = 'Giải quyết tranh chấp số điện thoại'").mapTo(Long.class).one()) == 1);
    }

    @Test
    void afterLeavingASharedComputerTheOldCookieSeesNothing() {
        WebClient c = upToThePhone("Lương Thị Chung", "0912400004");
        c.tap(c.token("Bỏ qua"));
        c.send("2");
        c.send("1");
        assertTrue(c.text().contains("0912400004") && c.text().contains("05/05/1985"), "the summary, live: " + c.text());
        String reloaded = new WebClient(app.port()).withCookiesOf(c).pollAll();
        assertTrue(reloaded.contains("09******04") && reloaded.contains("Ngày sinh: **/**/****")
                && !reloaded.contains("0912400004") && !reloaded.contains("05/05/1985"), "after a reload: " + reloaded);
        // A client that asks from the start with its message gets the history masked and only its own turn in clear.
        String fromZero = c.raw("POST", "/api/web/messages?after=0", "{\"id\":\"from-zero-1\",\"text\":\"trợ giúp\"}").body();
        int help = fromZero.indexOf("Hướng dẫn");
        assertTrue(help > 0 && fromZero.substring(0, help).contains("09******04") && !fromZero.substring(0, help).contains("0912400004"),
                "the older summary masked: " + fromZero);
        assertTrue(fromZero.substring(help).contains("0912400004"), "this turn's own summary, asked again, in clear");
        c.tap(c.token("Xác nhận"));
        String oldCookie = c.cookie();
        c.tap(c.token("Đăng xuất"));
        assertTrue(c.text().contains("Bạn đã đăng xuất"), c.text());
        assertTrue(c.cookie() == null, "the browser forgets its chat");

        WebClient old = new WebClient(app.port()).withCookie(oldCookie);
        String history = old.pollAll();
        assertFalse(history.contains("Lương Thị Chung") || history.contains("09******04"), "no trace of the person: " + history);
        old.send("kết quả");
        assertTrue(old.text().contains("Chào mừng") || old.text().contains("chưa đăng ký"), "does not act for them: " + old.text());
    }

    @Test
    void theSecretaryIsShownRegistrationsFromOneAddressBurstsAndImplausiblyFastPapers() {
        for (int i = 0; i < 5; i++) {
            WebClient c = upToThePhone("Người Hàng Loạt", "091240010" + i);
            c.tap(c.token("Bỏ qua"));
            c.send("2");
            c.send("3");
            c.tap(c.token("Xác nhận"));
            if (i == 0) {
                c.takePaper(app, 10);
            }
        }
        AdminClient secretary = new AdminClient(app.port());
        secretary.login("admin", TestApps.ADMIN_PASSWORD);
        String page = secretary.get("/admin/anomalies").body();
        assertTrue(page.contains("127.0.0.1"), "many registrations from one address: " + page);
        assertTrue(page.contains("Đăng ký dồn dập vào một đơn vị") && page.contains("từ "), "a burst into one unit");
        assertTrue(page.contains("10/10 trong 0 giây"), "a perfect paper in no time");
        assertTrue(page.contains("href=\"/admin/participants/"), "each lead links to the people");
    }

    static void deliver(Inbound in) {
        app.dialogue().handle(in);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
