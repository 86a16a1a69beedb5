package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committee publishes the confirmed winners on /c/&lt;code&gt;/giai-thuong and withdraws them, on the real app: before,
 * the page says when results are expected; published, it shows prize, name, unit, group, score, time and the phone
 * masked, and nothing else personal of anyone; a list confirmed later stays off the page until it is published;
 * withdrawn, the names are gone at once. Each step is audited.
 */
class PublishedWinnersTest {
    static final String PAGE = "/c/demo-bac-kan/giai-thuong";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static App app;

    /** A participant as the database holds them: what must never reach the public page but the name. */
    record Person(String name, String phone, LocalDate birthDate, String idNumber, int group, long unitId) {}

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("published_winners", Clock.systemUTC());
        play(app, List.of(new String[] {"Hà Thị Nhất", "17/03/1991", "0912345678", "1", "22"},
                new String[] {"Lục Văn Nhì", "03/11/1988", "0987654321", "2", "23"},
                new String[] {"Nông Thị Ba", "25/12/1979", "0356789012", "1", "24"}));
        // As a contest that asks for the CCCD would hold it: the page must not show it either.
        app.database().jdbi().useHandle(h -> h.execute("UPDATE participants SET id_number = '0011' || lpad(id::text, 8, '0')"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Registers each {name, birth date, phone, group, unit} on the web chat and plays one paper (the first most right). */
    static void play(App app, List<String[]> people) {
        int right = 9;
        for (String[] p : people) {
            WebClient web = new WebClient(app.port());
            web.register(p[0], p[1], p[2], Integer.parseInt(p[3]), p[4]);
            web.takePaper(app, right--);
        }
    }

    static List<Person> people(App app) {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT full_name, phone, birth_date, id_number, group_no, unit_id FROM participants ORDER BY id")
                .map((rs, ctx) -> new Person(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getInt(5), rs.getLong(6))).list());
    }

    static HttpResponse<String> publicGet(App app, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> conditionalGet(App app, String path, String etag) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("If-None-Match", etag)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing personal of anyone but a published winner's name: no phone in full, no birth date, no ID number. */
    static void assertNothingPersonal(String page, List<Person> people) {
        for (Person p : people) {
            assertFalse(page.contains(p.phone()), "full phone " + p.phone());
            assertFalse(page.contains(p.phone().substring(1)), "the phone without its 0");
            assertFalse(page.contains(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(p.birthDate())), "birth date of " + p.name());
            assertFalse(page.contains(p.birthDate().toString()), "birth date of " + p.name());
            if (p.idNumber() != null) {
                assertFalse(page.contains(p.idNumber()), "ID number of " + p.name());
            }
        }
    }

    /** The table row of {@code name} on the page. */
    static String rowOf(String page, String name) {
        Matcher m = Pattern.compile("<tr>(?:(?!</tr>).)*" + Pattern.quote(name) + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "a row for " + name + " in " + page);
        return m.group();
    }

    static String expectedLine(App app) {
        return "dự kiến sau ngày " + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(app.contest().closesAt().atZone(app.contest().config().zone()));
    }

    static long latestSnapshot(App app) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM prize_snapshots").mapTo(Long.class).one());
    }

    static long audited(App app, String action) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = :a AND username = 'admin'")
                .bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void confirmedThenPublishedThenWithdrawn() {
        List<Person> people = people(app);
        HttpResponse<String> before = publicGet(app, PAGE);
        assertEquals(200, before.statusCode());
        assertTrue(before.body().contains("Kết quả sẽ được công bố sau khi Ban Tổ chức xác nhận, " + expectedLine(app)), before.body());
        people.forEach(p -> assertFalse(before.body().contains(p.name()), "no names before publication"));

        AdminClient admin = new AdminClient(app.port());
        admin.login("admin", TestApps.ADMIN_PASSWORD);
        assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
        long first = latestSnapshot(app);
        String unpublished = publicGet(app, PAGE).body();
        assertTrue(unpublished.contains(expectedLine(app)), "confirming alone publishes nothing");
        people.forEach(p -> assertFalse(unpublished.contains(p.name()), "confirming alone publishes nothing"));
        String results = admin.get("/admin/results").body();
        assertTrue(results.contains("Chưa công bố") && results.contains("name=\"snapshot\" value=\"" + first + "\""), results);

        assertEquals(303, admin.post("/admin/results/publish", Map.of("snapshot", String.valueOf(first))).statusCode());
        assertEquals(1, audited(app, "Công bố kết quả trên trang công khai"));
        assertTrue(admin.get("/admin/audit").body().contains("Công bố kết quả trên trang công khai"), "on the audit page");
        HttpResponse<String> published = publicGet(app, PAGE);
        assertEquals(200, published.statusCode());
        String etag = published.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, no-cache", published.headers().firstValue("Cache-Control").orElse(""),
                "a browser keeps the page but asks each time, so a withdrawal reaches it at once");
        assertEquals(304, conditionalGet(app, PAGE, etag).statusCode(), "unchanged: a bare 304 from the public cache");
        String page = published.body();
        assertFalse(page.contains("dự kiến sau ngày"), page);
        for (Person p : people) {
            String row = rowOf(page, p.name());
            String masked = p.phone().substring(0, 2) + "******" + p.phone().substring(8);
            assertTrue(row.contains(">" + masked + "<"), "masked phone " + masked + " in " + row);
            assertTrue(row.contains("Giải "), "the prize: " + row);
            assertTrue(row.contains(app.contest().unitLabel(p.unitId())), "the unit: " + row);
            assertTrue(row.contains("Nhóm " + p.group()), "the group: " + row);
            assertTrue(row.matches("(?s).*>\\d{1,2}/10<.*"), "the score: " + row);
            assertTrue(row.contains(" giây<") || row.contains(" phút "), "the time: " + row);
        }
        assertTrue(page.contains("Giải tập thể") && page.contains("Đơn vị dẫn đầu"), "the collective prizes: " + page);
        assertNothingPersonal(page, people);
        assertTrue(admin.get("/admin/results").body().contains("đang công bố danh sách giải số " + first));

        // A list confirmed later stays off the page: the page shows what was published until the committee publishes again.
        play(app, List.<String[]>of(new String[] {"Triệu Văn Muộn", "09/09/1999", "0398765432", "1", "22"}));
        assertEquals(303, admin.post("/admin/results/confirm", Map.of()).statusCode());
        long second = latestSnapshot(app);
        String later = admin.get("/admin/results").body();
        assertTrue(later.contains("id=\"newer-unpublished\"") && later.contains("name=\"snapshot\" value=\"" + second + "\""), later);
        assertEquals(303, admin.post("/admin/results/publish", Map.of("snapshot", String.valueOf(first))).statusCode(),
                "publishing the first list again (the page is rebuilt)");
        String still = publicGet(app, PAGE).body();
        assertTrue(still.contains("Hà Thị Nhất") && !still.contains("Triệu Văn Muộn"), "the published list, not the newer one: " + still);
        assertEquals(303, admin.post("/admin/results/publish", Map.of("snapshot", String.valueOf(second))).statusCode());
        String newer = publicGet(app, PAGE).body();
        assertTrue(newer.contains("Triệu Văn Muộn"), "published again, the newer list shows at once: " + newer);
        assertNothingPersonal(newer, people(app));

        // Withdrawn: the names leave the page at once, though it was just served from the cache.
        assertEquals(303, admin.post("/admin/results/withdraw", Map.of()).statusCode());
        assertEquals(1, audited(app, "Rút kết quả khỏi trang công khai"));
        assertEquals(200, conditionalGet(app, PAGE, etag).statusCode(), "a browser holding the published page gets the new one");
        String withdrawn = publicGet(app, PAGE).body();
        assertTrue(withdrawn.contains(expectedLine(app)), withdrawn);
        people(app).forEach(p -> assertFalse(withdrawn.contains(p.name()), p.name() + " still on the page after withdrawal"));
        assertTrue(admin.get("/admin/results").body().contains("Chưa công bố"));
    }

    @Test
    void aContestThatDoesNotExistIsNotFound() {
        HttpResponse<String> r = publicGet(app, "/c/khong-co-cuoc-thi-nay/giai-thuong");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("Hà Thị Nhất"));
    }
}
