package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committee edits the rules in the browser; the chat uses them at once, the change is audited and guarded. */
class AdminSettingsTest {
    static App app;
    static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("admin_settings", Clock.systemUTC());
        admin = new AdminClient(app.port());
        assertEquals(303, admin.login("admin", TestApps.ADMIN_PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The form as the page fills it: every field with its current value. */
    static Map<String, String> currentForm() {
        String html = admin.get("/admin/settings").body();
        Map<String, String> form = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*>").matcher(html);
        while (input.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (name.find() && !name.group(1).equals("_csrf") && !name.group(1).startsWith("newRound") && !name.group(1).equals("confirmOpenRound")) {
                form.put(name.group(1), value.find() ? unescape(value.group(1)) : "");
            }
        }
        Matcher selected = Pattern.compile("<select name=\"([^\"]+)\">(.*?)</select>", Pattern.DOTALL).matcher(html);
        while (selected.find()) {
            Matcher option = Pattern.compile("<option value=\"([^\"]+)\" selected").matcher(selected.group(2));
            form.put(selected.group(1), option.find() ? option.group(1) : "");
        }
        Matcher area = Pattern.compile("<textarea name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(html);
        while (area.find()) {
            form.put(area.group(1), unescape(area.group(2)));
        }
        return form;
    }

    static String unescape(String s) {
        return s.replace("&#34;", "\"").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void savingTheFormUnchangedChangesNothingAndNeedsNoConfirmation() {
        String before = app.contest().config().toString();
        HttpResponse<String> r = admin.post("/admin/settings", currentForm());
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(before, app.contest().config().toString());
    }

    @Test
    void newRulesTextReachesTheChatAtOnceAndTheChangeIsAudited() {
        Map<String, String> form = currentForm();
        form.put("rules", "THỂ LỆ MỚI: mỗi lượt 10 câu, làm trong 10 phút.");
        assertEquals(303, admin.post("/admin/settings", form).statusCode());
        WebClient person = new WebClient(app.port());
        person.send("xin chào");
        person.send("thể lệ");
        assertTrue(person.text().contains("THỂ LỆ MỚI"), person.text());
        String audit = admin.get("/admin/audit").body();
        assertTrue(audit.contains("Sửa thể lệ, cấu hình") && audit.contains("THỂ LỆ MỚI"), "audited with before and after");
    }

    @Test
    void changingWhatAnOpenRoundUsesNeedsAnExplicitConfirmation() {
        Map<String, String> form = currentForm();
        form.put("timeLimitMinutes", "15");
        HttpResponse<String> refused = admin.post("/admin/settings", form);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("đang mở") && refused.body().contains("confirmOpenRound"), refused.body());
        assertEquals(10, app.contest().config().paper().timeLimitMinutes(), "not saved yet");
        form.put("confirmOpenRound", "yes");
        assertEquals(303, admin.post("/admin/settings", form).statusCode());
        assertEquals(15, app.contest().config().paper().timeLimitMinutes());
        WebClient person = new WebClient(app.port());
        person.register("Lục Văn Giờ", "01/01/1990", "0912000555", 2, "1");
        person.tap(person.token("Bắt đầu thi"));
        assertTrue(person.text().contains("làm trong 15 phút"), person.text());
        form.put("timeLimitMinutes", "10");
        assertEquals(303, admin.post("/admin/settings", form).statusCode());
    }

    @Test
    void changingWhichPaperCountsRanksEveryoneByTheNewRuleAtOnce() throws Exception {
        WebClient person = new WebClient(app.port());
        person.register("Hà Thị Lượt", "01/01/1991", "0912000556", 1, "1");
        person.takePaper(app, 1);
        person.takePaper(app, 3);
        int n = app.contest().config().paper().questions();
        assertEquals("3/" + n, scoreOnTheBoard("Hà Thị Lượt"), "the best paper counts");
        for (String[] policy : new String[][] {{"FIRST", "1/" + n}, {"LAST", "3/" + n}, {"BEST", "3/" + n}, {"FIRST", "1/" + n}}) {
            Map<String, String> form = currentForm();
            form.put("counted", policy[0]);
            form.put("confirmOpenRound", "yes");
            assertEquals(303, admin.post("/admin/settings", form).statusCode());
            assertEquals(policy[1], scoreOnTheBoard("Hà Thị Lượt"), policy[0]);
        }
        // An instance starting on this database (a restart, a second server) keeps the committee's policy, whatever
        // the contest file says ("best"): a retake must not count again after a restart.
        try (App restarted = TestApps.onExistingDatabase("admin_settings", Clock.systemUTC(), null, null, vn.contest.web.WebConfig.UNLIMITED)) {
            assertEquals("1/" + n, scoreOnTheBoard("Hà Thị Lượt"), "FIRST after a restart");
        }
        Map<String, String> form = currentForm();
        form.put("counted", "BEST");
        form.put("confirmOpenRound", "yes");
        assertEquals(303, admin.post("/admin/settings", form).statusCode());
    }

    /** The score on the person's line of the results page's ranking. */
    static String scoreOnTheBoard(String name) {
        Matcher line = Pattern.compile("<tr><td class=\"n\">\\d+</td><td>" + name + "</td><td>[^<]*</td><td class=\"n\">([^<]+)</td>")
                .matcher(admin.get("/admin/results").body());
        assertTrue(line.find(), "on the board: " + name);
        return line.group(1);
    }

    @Test
    void badValuesAreExplainedInVietnameseAndNothingIsSaved() {
        String before = app.contest().config().toString();
        Map<String, String> form = currentForm();
        form.put("closesAt", "2020-01-01T00:00:00");
        form.put("questions", "0");
        form.put("excludedPhones", "0912 345 678\nabc");
        HttpResponse<String> r = admin.post("/admin/settings", form);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Thời gian bắt đầu phải trước thời gian kết thúc"), r.body());
        assertTrue(r.body().contains("Số câu mỗi lượt: cần một số từ 1 đến 100"), r.body());
        assertTrue(r.body().contains("\"abc\" không phải số di động"), r.body());
        assertEquals(before, app.contest().config().toString());
    }
}
