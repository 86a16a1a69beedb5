package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import vn.contest.admin.auth.Passwords;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ContestStore;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.outbox.OutboxMessage;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.testing.TestDatabase;
import vn.contest.web.WebConfig;

/**
 * A database of the one-contest schema (migrations up to V10, as the last release left it) with a contest, a
 * registered person on a chat and a secretary in it: the new build upgrades it in place and keeps everything.
 */
class UpgradeFromOneContestTest {
    @Test
    void aOneContestDatabaseUpgradesInPlaceWithItsContestPeopleChatsAndAccountsKept() throws Exception {
        String database = "upgrade_one_contest";
        try (var c = DriverManager.getConnection(TestDatabase.server().jdbcUrl("postgres"), "postgres", "postgres")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = TestDatabase.server().jdbcUrl(database);
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("10").load().migrate();
        Jdbi old = Jdbi.create(url, "postgres", "postgres");
        ContestConfig demo;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("examples/demo/contest.yaml")) {
            demo = ContestConfigLoader.load(in, "demo", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        }
        Contest contest = ContestStore.install(old, demo);
        long unit = contest.topUnits().get(0).id();
        long person = old.withHandle(h -> h.createQuery("""
                INSERT INTO participants (contest_id, full_name, birth_date, phone, group_no, unit_id, registered_at, phone_verified_via)
                VALUES (:c, 'Nông Thị Cũ', DATE '1970-02-03', '0915000001', 2, :u, now(), 'telegram') RETURNING id""")
                .bind("c", contest.id()).bind("u", unit).mapTo(Long.class).one());
        old.useHandle(h -> {
            h.execute("INSERT INTO chat_accounts (contest_id, channel, external_id, participant_id, state) VALUES (?, 'test', 'old-chat', ?, 'READY')",
                    contest.id(), person);
            h.execute("INSERT INTO admin_users (username, password_hash, role) VALUES ('thuky-cu', ?, 'SECRETARY')",
                    Passwords.hash("Thu-Ky-Cu-2023!"));
        });

        try (App app = TestApps.onExistingDatabase(database, Clock.systemUTC(), null, null, WebConfig.UNLIMITED)) {
            assertEquals(List.of(contest.id()), app.contests().all().stream().map(Contest::id).toList(), "the same contest, not a second");
            ChatRef chat = new ChatRef("test", "old-chat");
            app.dialogue().handle(Inbound.text(chat, UUID.randomUUID().toString(), "kết quả"));
            List<OutboxMessage> replies = new OutboxStore(app.database().jdbi()).forChat(chat, 0, 10);
            String said = String.join("\n", replies.stream().map(m -> m.outbound().text()).toList());
            assertTrue(said.contains("Bạn chưa hoàn thành lượt thi nào"), "the chat is still the registered person's: " + said);
            assertEquals("telegram", app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT phone_verified_via FROM participants WHERE id = :p").bind("p", person).mapTo(String.class).one()));

            AdminClient secretary = new AdminClient(app.port());
            secretary.login("thuky-cu", "Thu-Ky-Cu-2023!");
            String page = secretary.get("/admin/participants").body();
            assertTrue(page.contains("Nông Thị Cũ"), "an account from before still opens its contest: " + page);
        }
    }
}
