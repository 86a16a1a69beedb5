package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Round;
import vn.contest.core.ranking.Award;
import vn.contest.core.ranking.PrizeProposal;
import vn.contest.core.ranking.RankedEntry;
import vn.contest.core.ranking.RankingQuery;
import vn.contest.core.testing.MutableClock;

/**
 * A whole contest through the real HTTP server and the web channel's API: four people register, take two
 * papers each and predict; then the round's ranking and prizes come out as the rules say.
 */
class WholeContestOverHttpTest {
    static App app;
    static MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.now());
        app = TestApps.onSharedServer("whole_contest", clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The paper's correct options, read from its snapshot in the database (what a perfect player would know). */
    static int correctIndex(JsonNode question) {
        String[] token = question.get("choices").get(0).get("token").asText().split(":");
        return app.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT correct_index FROM attempt_questions WHERE attempt_id = :a AND position = :p")
                .bind("a", Long.parseLong(token[1])).bind("p", Integer.parseInt(token[2])).mapTo(Integer.class).one());
    }

    /** Takes a paper answering the first {@code right} questions correctly and the rest wrongly. */
    static void takePaper(WebClient c, int right, Duration thinking, String prediction) {
        c.tap(c.token("Bắt đầu thi"));
        int questions = app.contest().config().paper().questions();
        for (int i = 0; i < questions; i++) {
            JsonNode q = c.lastQuestion();
            int correct = correctIndex(q);
            int pick = i < right ? correct : (correct + 1) % q.get("choices").size();
            clock.advance(thinking);
            if (i % 2 == 0) {
                c.tap(q.get("choices").get(pick).get("token").asText());
            } else {
                c.send(String.valueOf((char) ('a' + pick)));
            }
        }
        assertTrue(c.text().contains("Câu hỏi dự đoán"), c.text());
        c.send(prediction);
        assertTrue(c.text().contains("Số câu trả lời đúng: " + right + "/" + questions), c.text());
    }

    @Test
    void fourPeopleTwoPapersEachThenRankingAndPrizes() {
        WebClient an = new WebClient(app.port());
        WebClient binh = new WebClient(app.port());
        WebClient chi = new WebClient(app.port());
        WebClient dung = new WebClient(app.port());
        an.register("Nguyễn Văn An", "12/03/1980", "0912000001", 1, "11");   // Sở Thông tin và Truyền thông
        binh.register("Trần Thị Bình", "01/06/1985", "0912000002", 1, "1");  // Văn phòng UBND tỉnh
        chi.register("Lê Thị Chi", "20/11/2001", "0912000003", 2, "23");      // Huyện Bạch Thông
        dung.register("Hoàng Văn Dũng", "05/05/1975", "0912000004", 2, "23");

        takePaper(an, 6, Duration.ofSeconds(20), "10");
        takePaper(an, 9, Duration.ofSeconds(20), "4");     // An's best: 9 right, prediction exact
        takePaper(binh, 9, Duration.ofSeconds(10), "100");  // also 9, faster, but prediction far off
        takePaper(binh, 3, Duration.ofSeconds(5), "4");
        takePaper(chi, 10, Duration.ofSeconds(30), "2");
        takePaper(chi, 10, Duration.ofSeconds(25), "3");    // Chi's best: 10, closer prediction, faster
        takePaper(dung, 10, Duration.ofSeconds(25), "3");   // same as Chi's best but finished later
        takePaper(dung, 7, Duration.ofSeconds(10), "4");

        Round round = app.contest().rounds().get(0);
        Map<Integer, List<RankedEntry>> groups = app.database().jdbi().withHandle(h -> {
            long actual = RankingQuery.actualParticipants(h, app.contest().config(), round.id());
            assertEquals(4, actual);
            return Map.of(1, vn.contest.core.ranking.Rankings.ranking(h, app.contest().config(), round.id(), 1, actual),
                    2, vn.contest.core.ranking.Rankings.ranking(h, app.contest().config(), round.id(), 2, actual));
        });
        assertEquals(List.of("Nguyễn Văn An", "Trần Thị Bình"), groups.get(1).stream().map(RankedEntry::fullName).toList(),
                "equal scores: the closer prediction wins over the faster paper");
        assertEquals(9, groups.get(1).get(0).score());
        assertEquals(0L, groups.get(1).get(0).predictionDistance());
        assertEquals(List.of("Lê Thị Chi", "Hoàng Văn Dũng"), groups.get(2).stream().map(RankedEntry::fullName).toList(),
                "everything equal: the earlier finish wins");

        List<Award> awards = app.database().jdbi().withHandle(h -> PrizeProposal.of(h, app.contest())).individual().stream()
                .map(PrizeProposal.IndividualPrize::award).toList();
        assertEquals("Giải Nhất", awards.stream().filter(a -> a.group() == 1 && a.rank() == 1).findFirst().orElseThrow().levelName());
        assertEquals("Giải Nhì", awards.stream().filter(a -> a.group() == 2 && a.rank() == 2).findFirst().orElseThrow().levelName());
        assertEquals(4, awards.size(), "two people per group, one prize each");

        an.send("kết quả");
        assertTrue(an.text().contains("Lượt 2 (Tuần 1): đúng 9/10"), an.text());
        assertTrue(an.text().matches("(?s).*Lượt 2 \\(Tuần 1\\)[^\\n]*← lượt được tính.*"), an.text());
    }

    @Test
    void aResentMessageWithTheSameIdCountsOnce() {
        WebClient c = new WebClient(app.port());
        c.register("Phạm Thị Gửi", "02/02/1992", "0912000099", 2, "3");
        c.tap(c.token("Bắt đầu thi"));
        JsonNode q = c.lastQuestion();
        var body = WebClient.JSON.createObjectNode().put("id", "resent-answer-1").put("choice", q.get("choices").get(0).get("token").asText());
        c.post(body);
        c.post(body);
        String attemptId = q.get("choices").get(0).get("token").asText().split(":")[1];
        int position = app.database().jdbi().withHandle(h -> h.createQuery("SELECT current_position FROM attempts WHERE id = :a")
                .bind("a", Long.parseLong(attemptId)).mapTo(Integer.class).one());
        assertEquals(1, position);
    }

    @Test
    void badRequestsGetAClearFourHundredAndNoStackTrace() {
        WebClient c = new WebClient(app.port());
        long before = app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM inbound_events").mapTo(Long.class).one());
        for (String body : List.of("{not json", "[]", "{\"text\":\"hi\"}", "{\"id\":\"abcdefgh\"}",
                "{\"id\":\"abcdefgh\",\"text\":\"a\",\"choice\":\"b\"}", "{\"id\":\"short\",\"text\":\"hi\"}")) {
            HttpResponse<String> r = c.raw("POST", "/api/web/messages", body);
            assertEquals(400, r.statusCode(), body);
            assertTrue(r.body().contains("\"error\""), r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("at vn."), r.body());
        }
        HttpResponse<String> tooLong = c.raw("POST", "/api/web/messages", "{\"id\":\"abcdefgh\",\"text\":\"" + "x".repeat(1001) + "\"}");
        assertEquals(413, tooLong.statusCode());
        assertEquals(400, c.raw("GET", "/api/web/messages?after=abc", null).statusCode());
        long after = app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM inbound_events").mapTo(Long.class).one());
        assertEquals(before, after, "nothing was stored");
    }

    @Test
    void aPosterLinkRecordsTheUnitThatBroughtThePerson() {
        WebClient c = new WebClient(app.port());
        c.post(WebClient.JSON.createObjectNode().put("id", "poster-start-1").put("start", "na-ri"));
        assertTrue(c.text().contains("Chào mừng"), c.text());
        c.tap(c.token("Đồng ý"));
        c.send("Hà Văn Áp");
        c.send("04/04/1984");
        c.send("0912000444");
        c.send("2");
        assertTrue(c.text().contains("Bạn đến từ đường dẫn của Huyện Na Rì"), c.text());
        c.tap(c.token("✔ Huyện Na Rì"));
        c.tap(c.token("Xác nhận"));
        String referral = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT u.code FROM participants p JOIN units u ON u.id = p.referral_unit_id WHERE p.phone = '0912000444'").mapTo(String.class).one());
        assertEquals("na-ri", referral);
        assertEquals(400, c.raw("POST", "/api/web/messages", "{\"id\":\"poster-bad-1\",\"start\":\"<script>\"}").statusCode());
    }

    @Test
    void healthAnswersWhenTheDatabaseDoes() {
        HttpResponse<String> r = new WebClient(app.port()).raw("GET", "/health", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"ok\""), r.body());
    }

    @Test
    void thePageAndItsAssetsAreServedLocally() {
        WebClient c = new WebClient(app.port());
        HttpResponse<String> page = c.raw("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("lang=\"vi\""));
        assertFalse(page.body().matches("(?s).*(src|href)=\"https?://.*"), "no asset from another host");
        assertEquals(200, c.raw("GET", "/assets/chat.js", null).statusCode());
        assertEquals(200, c.raw("GET", "/assets/chat.css", null).statusCode());
    }

}
