package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.MutableClock;

/**
 * The public standings through the real server: people play into units over the web chat's API, and the page,
 * the widget and the JSON follow within a minute (the engine's clock is moved, not waited for), from the cache in
 * between, naming no one.
 */
class PublicStandingsTest {
    static final String CODE = "demo-bac-kan";
    static App app;
    static MutableClock clock;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.now());
        app = TestApps.onSharedServer("public_standings", clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String path) {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        try {
            return WebClient.JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<JsonNode> unit(JsonNode units, String code) {
        return StreamSupport.stream(units.spliterator(), false).filter(u -> u.get("code").asText().equals(code)).findFirst();
    }

    /** A person as they registered, with every personal value the pages must never show. */
    record Person(String name, String birth, String phone, String idNumber) {
        List<String> personalValues() {
            String[] d = birth.split("/");
            String phoneSpaced = phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
            return List.of(name, birth, d[2] + "-" + d[1] + "-" + d[0], phone, phoneSpaced, "84" + phone.substring(1), idNumber);
        }
    }

    static void play(Person p, int group, String... unitChoices) {
        WebClient c = new WebClient(app.port());
        c.send("xin chào");
        c.tap(c.token("Đồng ý"));
        c.send(p.name());
        c.send(p.birth());
        c.send(p.phone());
        c.send(String.valueOf(group));
        for (String choice : unitChoices) {
            c.send(choice);
        }
        c.tap(c.token("Xác nhận"));
        assertTrue(c.text().contains("Đăng ký thành công"), c.text());
        c.takePaper(app, 5);
        assertTrue(c.pollAll().contains("Số câu trả lời đúng"), "the paper finished");
        // The ID number, had the contest asked for it: stored, so the pages could leak it if they read people.
        app.database().jdbi().useHandle(h -> h.execute("UPDATE participants SET id_number = ? WHERE phone = ?", p.idNumber(), p.phone()));
    }

    static final String[] PAGES = {"/c/" + CODE + "/thong-ke", "/c/" + CODE + "/thong-ke/nhung",
            "/api/public/contests/" + CODE + "/units", "/api/public/contests/" + CODE + "/days"};

    @Test
    void theStandingsFollowPeopleIntoTwoUnitsWithinAMinuteFromTheCacheAndNameNoOne() {
        Map<String, String> before = new java.util.HashMap<>();
        for (String page : PAGES) {
            HttpResponse<String> r = get(page);
            assertEquals(200, r.statusCode(), page);
            before.put(page, r.body());
        }
        JsonNode unitsBefore = json("/api/public/contests/" + CODE + "/units");
        assertEquals(0, unit(unitsBefore, "so-tt-tt").orElseThrow().get("participants").asLong());

        Person an = new Person("Nguyễn Văn Thống", "12/03/1980", "0912345671", "001080012345");
        Person chi = new Person("Lê Thị Kê", "20/11/2001", "0987654322", "006301098765");
        Person giang = new Person("Đàm Thị Giang", "05/05/1975", "0976123453", "006175011223");
        play(an, 1, "11");          // Sở Thông tin và Truyền thông
        play(chi, 2, "23");         // a district without communes in the list
        play(giang, 2, "21", "2");  // Thành phố Bắc Kạn, then its first ward (1 is the city itself)

        // Within the minute: the same bytes and ETag as before they played, no new reading of the counts.
        for (String page : PAGES) {
            HttpResponse<String> r = get(page);
            assertEquals(before.get(page), r.body(), page + " is served from the cache within the minute");
        }

        clock.advance(Duration.ofSeconds(61));
        JsonNode units = json("/api/public/contests/" + CODE + "/units");
        JsonNode sotttt = unit(units, "so-tt-tt").orElseThrow();
        assertEquals(1, sotttt.get("participants").asLong());
        assertEquals(1, sotttt.get("papers").asLong());
        assertEquals(45, sotttt.get("headcount").asInt());
        assertEquals(1.0 / 45, sotttt.get("rate").asDouble(), 0.0001);
        assertTrue(sotttt.get("parent").isNull());
        String district = app.contest().topUnits().get(22).code();
        assertEquals(1, unit(units, district).orElseThrow().get("participants").asLong());
        // A ward's person counts for the ward and, folded in, for its city.
        assertEquals(1, unit(units, "tp-bac-kan").orElseThrow().get("participants").asLong());
        JsonNode ward = unit(units, "p-duc-xuan").orElseThrow();
        assertEquals(1, ward.get("participants").asLong());
        assertEquals("tp-bac-kan", ward.get("parent").asText());
        assertEquals(1, ward.get("rank").asInt(), "the only ward with a participant leads its city's wards");
        assertEquals(0, unit(units, "so-noi-vu").orElseThrow().get("participants").asLong());

        // Ordered by the collective prize's measure (the demo's: participation rate), equal figures sharing a rank.
        List<JsonNode> top = StreamSupport.stream(units.spliterator(), false).filter(u -> u.get("parent").isNull()).toList();
        assertEquals(app.contest().topUnits().size(), top.size());
        for (int i = 1; i < top.size(); i++) {
            double a = top.get(i - 1).get("rate").asDouble(-1);
            double b = top.get(i).get("rate").asDouble(-1);
            assertTrue(a >= b, "by rate: " + top.get(i - 1) + " before " + top.get(i));
            assertTrue(top.get(i - 1).get("rank").asInt() <= top.get(i).get("rank").asInt());
        }
        assertTrue(sotttt.get("rank").asInt() < unit(units, "so-noi-vu").orElseThrow().get("rank").asInt());
        assertEquals(3, top.stream().filter(u -> u.get("participants").asLong() > 0).count());
        assertEquals(List.of(1, 2, 3), top.stream().limit(3).map(u -> u.get("rank").asInt()).toList());
        assertEquals(List.of(4), top.stream().filter(u -> u.get("participants").asLong() == 0 && u.get("rate").asDouble(-1) == 0)
                .map(u -> u.get("rank").asInt()).distinct().toList(), "every unit with a headcount and no participant shares the fourth place");

        JsonNode days = json("/api/public/contests/" + CODE + "/days");
        assertEquals(1, days.size(), days.toString());
        assertEquals(LocalDate.ofInstant(clock.instant(), app.contest().config().zone()).toString(), days.get(0).get("date").asText());
        assertEquals(3, days.get(0).get("participants").asLong());
        assertEquals(3, days.get(0).get("papers").asLong());

        String html = get("/c/" + CODE + "/thong-ke").body();
        assertTrue(html.contains("<strong>3</strong> người đã tham gia"), html);
        assertTrue(html.matches("(?s).*<tr id=\"dv-so-tt-tt\"><td>\\d+</td><th scope=\"row\">Sở Thông tin và Truyền thông</th><td>1</td><td>1</td>"
                + "<td>45</td><td>2,2%</td></tr>.*"), html);
        assertTrue(html.contains("<tr id=\"dv-p-duc-xuan\"><td>1</td><th scope=\"row\">Phường Đức Xuân</th><td>1</td>"), html);
        String widget = get("/c/" + CODE + "/thong-ke/nhung").body();
        assertTrue(widget.contains("Sở Thông tin và Truyền thông</th><td>1</td><td>2,2%</td>"), widget);

        for (String page : PAGES) {
            String body = get(page).body();
            assertNotEquals(before.get(page), body, page + " changed after the minute");
            for (Person p : List.of(an, chi, giang)) {
                for (String value : p.personalValues()) {
                    assertFalse(body.contains(value), page + " shows " + value);
                }
            }
        }

        // The committee disqualifies the ward's person: within the minute they no longer count, as on the dashboard.
        app.database().jdbi().useHandle(h -> h.execute("UPDATE participants SET disqualified_at = now() WHERE phone = ?", giang.phone()));
        clock.advance(Duration.ofSeconds(61));
        JsonNode after = json("/api/public/contests/" + CODE + "/units");
        assertEquals(0, unit(after, "p-duc-xuan").orElseThrow().get("participants").asLong());
        assertEquals(0, unit(after, "tp-bac-kan").orElseThrow().get("participants").asLong());
        assertEquals(2, json("/api/public/contests/" + CODE + "/days").get(0).get("participants").asLong());
    }

    @Test
    void theJsonIsOpenToOtherSitesWithCacheHeadersAndA304() throws Exception {
        HttpResponse<String> r = get("/api/public/contests/" + CODE + "/units", "Origin", "https://backan.gov.vn");
        assertEquals(200, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("GET", r.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "never with cookies");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("public, max-age=60", r.headers().firstValue("Cache-Control").orElse(null));
        String etag = r.headers().firstValue("ETag").orElseThrow();
        JsonNode units = WebClient.JSON.readTree(r.body());
        assertTrue(units.isArray() && units.size() > app.contest().topUnits().size(), "top units and their communes");
        for (JsonNode u : units) {
            for (String field : List.of("code", "name", "participants", "papers", "headcount", "rate", "rank", "parent")) {
                assertTrue(u.has(field), field + " in " + u);
            }
        }
        assertTrue(unit(units, "so-tt-tt").orElseThrow().get("headcount").isNumber());

        HttpResponse<String> again = get("/api/public/contests/" + CODE + "/units", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals("*", again.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        HttpResponse<String> days = get("/api/public/contests/" + CODE + "/days");
        assertEquals("*", days.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(days.headers().firstValue("ETag").isPresent());
        assertEquals(304, get("/api/public/contests/" + CODE + "/days", "If-None-Match", days.headers().firstValue("ETag").get()).statusCode());
        HttpResponse<String> page = get("/c/" + CODE + "/thong-ke");
        assertEquals(304, get("/c/" + CODE + "/thong-ke", "If-None-Match", page.headers().firstValue("ETag").orElseThrow()).statusCode());

        // A portal's script sending If-None-Match asks first; only GET is offered, and only GET is served.
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/public/contests/"
                        + CODE + "/units")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://backan.gov.vn")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "if-none-match").build());
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("GET", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/public/contests/"
                + CODE + "/units")).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertTrue(post.statusCode() >= 400 && post.statusCode() < 500, "POST: " + post.statusCode());
    }

    @Test
    void anUnknownContestIsA404InVietnameseAndAJsonError() {
        HttpResponse<String> page = get("/c/khong-co/thong-ke");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("lang=\"vi\""), page.body());
        assertEquals(404, get("/c/khong-co/thong-ke/nhung").statusCode());
        HttpResponse<String> api = get("/api/public/contests/khong-co/units");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("*", api.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(api.body().contains("\"error\":\"Không có cuộc thi có mã này.\""), api.body());
        assertEquals(404, get("/api/public/contests/khong-co/days").statusCode());
    }

    @Test
    void onlyTheWidgetMayBeFramedByAnotherSite() {
        HttpResponse<String> widget = get("/c/" + CODE + "/thong-ke/nhung");
        assertEquals(200, widget.statusCode());
        assertTrue(widget.headers().firstValue("X-Frame-Options").isEmpty(), "the widget is framed on portals");
        assertTrue(widget.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors *"));
        assertFalse(widget.body().contains("<script"), "the widget needs no script");
        assertTrue(widget.body().split("<tr>").length - 2 <= 10, "the widget shows the top ten units");
        List<String> others = new ArrayList<>(List.of("/c/" + CODE + "/thong-ke", "/c/" + CODE + "/thong-ke/nhung/x", "/", "/admin/login",
                "/api/public/contests/" + CODE + "/units", "/c/" + CODE));
        for (String path : others) {
            HttpResponse<String> r = get(path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"), path);
        }
    }

    @Test
    void theUnitLinksPageGivesTheEmbedSnippet() throws Exception {
        AdminClient admin = new AdminClient(app.port());
        assertEquals(303, admin.login("admin", TestApps.ADMIN_PASSWORD).statusCode());
        String page = admin.get("/admin/units").body();
        assertTrue(page.contains("&lt;iframe src=\"https://thi.example.gov.vn/c/" + CODE + "/thong-ke/nhung\" title="), page);
        assertTrue(page.contains("<textarea id=\"embed-code\" readonly"), page);
        // One poster code for every channel: the unit's landing page, its ways in carrying the unit.
        String unit = app.contest().units().get(0).code();
        String landing = "https://thi.example.gov.vn/c/" + CODE + "?don-vi=" + unit;
        assertTrue(page.contains("<a href=\"" + landing + "\">"), page);
        HttpResponse<byte[]> qr = admin.download("/admin/units/" + unit + "/qr.png?to=trang");
        assertEquals(200, qr.statusCode());
        assertEquals(landing, LandingPagesTest.qr(ImageIO.read(new ByteArrayInputStream(qr.body()))));
    }
}
