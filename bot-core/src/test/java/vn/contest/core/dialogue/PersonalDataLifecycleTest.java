package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.store.Retention;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestEngine;

/** Personal data kept only as long as its purpose needs: pruning, a person's own erasure, anonymising after the contest. */
class PersonalDataLifecycleTest {
    static TestEngine engine;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    static long count(String sql) {
        return engine.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void deliveredRepliesAndRememberedEventsArePrunedAfterTheirTime() {
        ChatDriver c = engine.chat("old-timer");
        c.send("xin chào");
        engine.db.jdbi().useHandle(h -> {
            h.execute("UPDATE outbox SET status = 'sent', sent_at = now() - interval '61 days' WHERE chat_id = 'old-timer'");
            h.execute("INSERT INTO outbox (channel, chat_id, payload, created_at) VALUES ('test', 'waiting', '{}', now() - interval '90 days')");
            h.execute("UPDATE inbound_events SET received_at = now() - interval '61 days'");
        });
        engine.chat("new-comer").send("xin chào");
        int pruned = new Retention(engine.db.jdbi(), 60).prune(Instant.now());
        assertTrue(pruned >= 2, "pruned " + pruned);
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE chat_id = 'old-timer'"));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE chat_id = 'waiting'"), "a row still to deliver is kept");
        assertTrue(count("SELECT count(*) FROM outbox WHERE chat_id = 'new-comer'") > 0, "recent rows are kept");
        assertEquals(1, count("SELECT count(*) FROM inbound_events"), "only the recent event id is remembered");
    }

    @Test
    void aPersonErasesTheirDataAfterAConfirmation() {
        ChatDriver c = engine.chat("eraser");
        c.register("Vi Thị Xóa", "07/07/1977", "0913600001", 2, "1");
        c.send("xóa dữ liệu của tôi");
        assertTrue(c.text().contains("không thể khôi phục"), c.text());
        assertEquals(List.of(Tokens.ERASE_CONFIRM), c.tokens());
        assertEquals(1, count("SELECT count(*) FROM participants WHERE phone = '0913600001'"), "nothing happens before the confirmation");
        long id = count("SELECT id FROM participants WHERE phone = '0913600001'");
        c.tap(Tokens.ERASE_CONFIRM);
        assertTrue(c.text().contains("Đã xóa dữ liệu cá nhân"), c.text());
        Map<String, Object> row = engine.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT full_name, phone, birth_date::text AS birth, disqualified_at IS NOT NULL AS out FROM participants WHERE id = :id")
                .bind("id", id).mapToMap().one());
        assertEquals("Đã xóa", row.get("full_name"));
        assertEquals("1900-01-01", row.get("birth"));
        assertEquals(true, row.get("out"), "withdrawn: out of every count");
        assertEquals(0, count("SELECT count(*) FROM participants WHERE full_name = 'Vi Thị Xóa' OR phone = '0913600001'"));
        assertEquals(0, count("SELECT count(*) FROM chat_accounts WHERE participant_id IS NOT NULL AND external_id = 'eraser'"));
        engine.chat("eraser-again").register("Vi Thị Xóa", "07/07/1977", "0913600001", 2, "1");
    }

    @Test
    void afterTheContestEveryoneButTheConfirmedWinnersIsAnonymised() {
        engine.chat("winner").register("Người Đạt Giải", "01/01/1980", "0913700001", 1, "1");
        engine.chat("other").register("Người Không Giải", "01/01/1981", "0913700002", 1, "1");
        int n = engine.db.jdbi().inTransaction(h -> ParticipantStore.anonymiseAllBut(h, engine.contest.id(), List.of("0913700001"),
                Instant.now()));
        assertTrue(n >= 1);
        assertEquals(1, count("SELECT count(*) FROM participants WHERE full_name = 'Người Đạt Giải' AND phone = '0913700001'"));
        assertEquals(0, count("SELECT count(*) FROM participants WHERE full_name = 'Người Không Giải' OR phone = '0913700002'"));
    }
}
