package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.admin.AdminRoute;
import vn.contest.admin.auth.Role;
import vn.contest.telegram.TelegramConfig;

/** Who may open what in the admin web, form tokens, password throttling and the audit log, over real HTTP. */
class AdminAccessTest {
    static App app;
    static final Map<Role, AdminClient> clients = new EnumMap<>(Role.class);
    static long participantId;
    static long questionId;
    static long userId;

    @BeforeAll
    static void start() throws Exception {
        // A Telegram channel with its bot's username, so the units page has a second channel's links; its Bot API
        // is never reached (webhook mode, no Telegram chats).
        app = TestApps.onSharedServer("admin_access", Clock.systemUTC(), TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "123:access",
                "TELEGRAM_WEBHOOK_SECRET", "access-secret", "TELEGRAM_API_URL", "http://127.0.0.1:9",
                "TELEGRAM_BOT_USERNAME", "@thi_bac_kan_bot")).orElseThrow());
        WebClient person = new WebClient(app.port());
        person.register("Đinh Văn Quyền", "01/01/1980", "0911222333", 1, "1");
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase() + "-user";
            if (role != Role.ADMIN) {
                app.admin().users().create(name, role, "Password-" + role.name());
            }
            AdminClient client = new AdminClient(app.port());
            HttpResponse<String> login = role == Role.ADMIN ? client.login("admin", TestApps.ADMIN_PASSWORD)
                    : client.login(name, "Password-" + role.name());
            assertEquals(303, login.statusCode(), role + ": " + login.body());
            clients.put(role, client);
        }
        participantId = app.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM participants").mapTo(Long.class).one());
        questionId = app.database().jdbi().withHandle(h -> h.createQuery("SELECT min(id) FROM questions").mapTo(Long.class).one());
        userId = app.admin().users().byUsername("viewer-user").orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String concrete(String path) {
        return path.replace("/questions/{id}", "/questions/" + questionId).replace("/participants/{id}", "/participants/" + participantId)
                .replace("/users/{id}", "/users/" + userId).replace("/units/{code}", "/units/ba-be");
    }

    /** Harmless form values: no-op changes or invalid input, so allowed roles pass the guard and change nothing lasting. */
    static Map<String, String> harmless(String path) {
        if (path.endsWith("/active")) {
            return Map.of("active", "true");
        }
        if (path.equals("/admin/password")) {
            return Map.of("current", "not-the-password");
        }
        return Map.of();
    }

    @Test
    void everyRouteForEveryRoleAndForAnAnonymousVisitor() {
        List<String> checked = new ArrayList<>();
        for (AdminRoute route : app.admin().routes()) {
            String path = concrete(route.path());
            boolean post = route.method() == HandlerType.POST;
            HttpResponse<String> anonymous = post ? new AdminClient(app.port()).post(path, harmless(path), "x") : new AdminClient(app.port()).get(path);
            assertEquals(303, anonymous.statusCode(), "anonymous " + route.method() + " " + path);
            assertEquals("/admin/login", anonymous.headers().firstValue("Location").orElse(""));
            for (Role role : Role.values()) {
                AdminClient c = clients.get(role);
                HttpResponse<String> r = post ? c.post(path, harmless(path)) : c.get(path);
                boolean allowed = role.can(route.area());
                if (allowed) {
                    assertTrue(r.statusCode() != 403 && r.statusCode() < 500, role + " may " + route.method() + " " + path + " but got " + r.statusCode());
                } else {
                    assertEquals(403, r.statusCode(), role + " must not " + route.method() + " " + path);
                    assertTrue(r.body().contains("Không có quyền"), r.body());
                }
                checked.add(role + " " + route.method() + " " + path + " -> " + r.statusCode());
            }
        }
        assertTrue(checked.size() >= 4 * 18, "every route was tried: " + checked.size());
    }

    @Test
    void aFormPostWithoutItsTokenIsRefusedAndChangesNothing() {
        AdminClient secretary = clients.get(Role.SECRETARY);
        String path = "/admin/participants/" + participantId + "/disqualify";
        HttpResponse<String> noToken = secretary.post(path, Map.of("reason", "Gian lận khi thi"), null);
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("Biểu mẫu không hợp lệ"), noToken.body());
        HttpResponse<String> foreignToken = secretary.post(path, Map.of("reason", "Gian lận khi thi"), clients.get(Role.ADMIN).csrf());
        assertEquals(403, foreignToken.statusCode(), "another session's token does not count");
        assertNull(app.database().jdbi().withHandle(h -> h.createQuery("SELECT disqualified_reason FROM participants WHERE id = :id")
                .bind("id", participantId).mapTo(String.class).one()));
    }

    @Test
    void wrongPasswordsAreThrottled() {
        app.admin().users().create("throttled", Role.VIEWER, "Correct-Password");
        AdminClient c = new AdminClient(app.port());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = c.login("throttled", "wrong-" + i);
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.body().contains("không đúng"), wrong.body());
        }
        HttpResponse<String> blocked = c.login("throttled", "Correct-Password");
        assertEquals(429, blocked.statusCode(), "even the right password waits");
        assertTrue(blocked.body().contains("thử lại sau 15 phút"), blocked.body());
        assertEquals(303, new AdminClient(app.port()).login("viewer-user", "Password-VIEWER").statusCode(), "other accounts are unaffected");
    }

    @Test
    void aDisqualificationIsAuditedWithWhoAndWhy() {
        AdminClient secretary = clients.get(Role.SECRETARY);
        String path = "/admin/participants/" + participantId;
        assertEquals(400, secretary.post(path + "/disqualify", Map.of("reason", "x")).statusCode(), "a reason is required");
        assertEquals(303, secretary.post(path + "/disqualify", Map.of("reason", "Dùng hai số điện thoại")).statusCode());
        assertTrue(secretary.get(path).body().contains("Dùng hai số điện thoại"));
        String audit = clients.get(Role.ADMIN).get("/admin/audit").body();
        assertTrue(audit.contains("secretary-user") && audit.contains("Dừng quyền dự thi") && audit.contains("Dùng hai số điện thoại"), audit);
        assertEquals(303, secretary.post(path + "/requalify", Map.of()).statusCode());
        assertFalse(secretary.get("/admin/participants").body().contains("Dừng dự thi"));
    }

    @Test
    void eachUnitHasItsLinksAndAQrCodeThatReadsBackToThem() throws Exception {
        String page = clients.get(Role.SECRETARY).get("/admin/units").body();
        assertTrue(page.contains("https://thi.example.gov.vn/thi?contest=demo-bac-kan&amp;unit=ba-be"), page);
        assertTrue(page.contains("https://t.me/thi_bac_kan_bot?start=demo-bac-kan-ba-be"), page);
        assertEquals("https://t.me/thi_bac_kan_bot?start=demo-bac-kan-ba-be", qrText("/admin/units/ba-be/qr.png?to=telegram"));
        assertEquals(404, clients.get(Role.SECRETARY).get("/admin/units/khong-co/qr.png").statusCode());
    }

    /** The page lists every channel that gives a link, under the channel's own label, each with its QR code. */
    @Test
    void theUnitsPageListsEveryChannelThatGivesALink() throws Exception {
        String page = clients.get(Role.SECRETARY).get("/admin/units").body();
        assertTrue(page.contains("<th>Trang web</th>") && page.contains("<th>Telegram</th>"), "a column per channel, by its label: " + page);
        assertTrue(page.contains("/admin/units/ba-be/qr.png?to=web") && page.contains("/admin/units/ba-be/qr.png?to=telegram"), page);
        assertFalse(page.contains("Chưa có đường dẫn theo đơn vị"), "both channels give links");
        assertEquals("https://thi.example.gov.vn/thi?contest=demo-bac-kan&unit=ba-be", qrText("/admin/units/ba-be/qr.png?to=web"));
        assertEquals("https://thi.example.gov.vn/thi?contest=demo-bac-kan&unit=ba-be", qrText("/admin/units/ba-be/qr.png"), "the first channel's by default");
        assertEquals(404, clients.get(Role.SECRETARY).get("/admin/units/ba-be/qr.png?to=zalo").statusCode(), "a channel not served");
    }

    /** What the QR code at {@code path} reads back to. */
    static String qrText(String path) throws Exception {
        HttpResponse<byte[]> png = clients.get(Role.SECRETARY).download(path);
        assertEquals(200, png.statusCode(), path);
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void everyoneCanChangeTheirOwnPasswordKnowingTheCurrentOne() {
        app.admin().users().create("doi-mat-khau", Role.VIEWER, "Old-Password-1");
        AdminClient c = new AdminClient(app.port());
        assertEquals(303, c.login("doi-mat-khau", "Old-Password-1").statusCode());
        assertEquals(400, c.post("/admin/password", Map.of("current", "wrong", "next", "New-Password-2", "repeat", "New-Password-2")).statusCode());
        assertEquals(200, c.post("/admin/password", Map.of("current", "Old-Password-1", "next", "New-Password-2", "repeat", "New-Password-2")).statusCode());
        assertEquals(401, new AdminClient(app.port()).login("doi-mat-khau", "Old-Password-1").statusCode());
        assertEquals(303, new AdminClient(app.port()).login("doi-mat-khau", "New-Password-2").statusCode());
    }

    @Test
    void theViewerSeesTheDashboardWithoutPersonalData() {
        String page = clients.get(Role.VIEWER).get("/admin").body();
        assertTrue(page.contains("người đăng ký") && page.contains("Sở Nội vụ"), "dashboard with units");
        assertFalse(page.contains("0911222333") || page.contains("Đinh Văn Quyền"), "no names or phones on the dashboard");
    }
}
