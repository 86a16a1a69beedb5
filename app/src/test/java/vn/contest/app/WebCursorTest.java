package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat page reads on from the last message it has seen: nothing committed late is skipped. */
class WebCursorTest {
    static App app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("web_cursor", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /**
     * A broadcast row takes its id when the long statement that writes it starts, and becomes visible when it
     * commits: a page that meanwhile moved past that id (its own replies came later but committed first) must
     * still get it on its next poll.
     */
    @Test
    void aPageThatMovedPastABroadcastStillReceivesIt() {
        WebClient c = new WebClient(app.port());
        c.register("Vương Thị Muộn", "01/01/1990", "0912000773", 2, "1");
        long reserved = app.database().jdbi().withHandle(h -> h.createQuery("SELECT nextval('outbox_id_seq')").mapTo(Long.class).one());
        c.send("thể lệ");                                   // the page's cursor moves past the reserved id
        String chatId = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT external_id FROM chat_accounts WHERE channel = 'web' AND participant_id IS NOT NULL ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        app.database().jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO outbox (id, channel, chat_id, payload, status, sent_at)
                VALUES (:id, 'web', :chat, jsonb_build_object('chat', jsonb_build_object('channel', 'web', 'externalId', CAST(:chat AS text)),
                        'text', 'Ban Tổ chức thông báo muộn', 'choices', '[]'::jsonb, 'requestPhone', false, 'kind', 'text'), 'sent', now())""")
                .bind("id", reserved).bind("chat", chatId).execute());
        List<String> polled = c.poll().stream().map(m -> m.get("text").asText()).toList();
        assertTrue(polled.contains("Ban Tổ chức thông báo muộn"), "committed late, shown anyway: " + polled);
    }
}
