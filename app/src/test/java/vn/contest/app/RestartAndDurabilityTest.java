package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own embedded server: every commit on disk, and a restart keeps registrations, papers and replies. */
class RestartAndDurabilityTest {

    @Test
    void theEmbeddedServerRunsDurable(@TempDir Path data) throws Exception {
        try (App app = App.start(new AppConfig("127.0.0.1", 0, data, null, null, null, null), Clock.systemUTC())) {
            Map<String, Object> settings = app.database().jdbi().withHandle(h -> Map.of(
                    "fsync", h.createQuery("SHOW fsync").mapTo(String.class).one(),
                    "synchronous_commit", h.createQuery("SHOW synchronous_commit").mapTo(String.class).one(),
                    "full_page_writes", h.createQuery("SHOW full_page_writes").mapTo(String.class).one()));
            assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), settings);
        }
    }

    @Test
    void aRestartKeepsTheParticipantTheirOpenPaperAndTheirAnswers(@TempDir Path data) throws Exception {
        AppConfig config = new AppConfig("127.0.0.1", 0, data, null, null, null, null);
        WebClient browser;
        String firstAnswerToken;
        try (App app = App.start(config, Clock.systemUTC())) {
            browser = new WebClient(app.port());
            browser.register("Bế Văn Bền", "09/09/1979", "0388000111", 1, "1");
            browser.tap(browser.token("Bắt đầu thi"));
            JsonNode q1 = browser.lastQuestion();
            firstAnswerToken = q1.get("choices").get(0).get("token").asText();
            browser.tap(firstAnswerToken);
            assertTrue(browser.text().contains("Câu 2/10"), browser.text());
        }
        try (App app = App.start(config, Clock.systemUTC())) {
            WebClient same = browser.atPort(app.port());
            same.send("trợ giúp");
            assertTrue(same.text().contains("bạn đang làm bài"), "still inside the same paper: " + same.text());
            assertTrue(same.text().contains("Câu 2/10"), same.text());
            same.tap(firstAnswerToken);
            assertTrue(same.text().contains("không còn hiệu lực"), "the answer given before the restart stands: " + same.text());
            long participants = app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM participants").mapTo(Long.class).one());
            assertEquals(1, participants);
            long answered = app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM attempt_questions WHERE chosen_index IS NOT NULL").mapTo(Long.class).one());
            assertEquals(1, answered);
        }
    }
}
