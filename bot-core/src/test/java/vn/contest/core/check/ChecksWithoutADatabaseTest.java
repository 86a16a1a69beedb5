package vn.contest.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.testing.TestContest;

/** The checks' judgements that need no database: durability settings, backups' age, the contest's window, web phones. */
class ChecksWithoutADatabaseTest {
    static Contest contest(boolean prizesNeedVerifiedPhone) {
        var config = TestContest.config(TestContest.yaml() + "eligibility: {minAge: 15, prizesNeedVerifiedPhone: " + prizesNeedVerifiedPhone + "}\n");
        Round round = new Round(1, "r1", "Tuần 1", config.opens().toInstant(), config.closes().toInstant());
        return new Contest(1, config, List.of(round), List.of(), List.of());
    }

    @Test
    void aServerThatCanLoseCommitsFailsAndOneThatKeepsThemPasses() {
        assertEquals(Check.Status.FAIL, DatabaseChecks.durability(Map.of("fsync", "off", "synchronous_commit", "on", "full_page_writes", "on")).status());
        assertEquals(Check.Status.FAIL, DatabaseChecks.durability(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "off")).status());
        assertEquals(Check.Status.WARN, DatabaseChecks.durability(Map.of("fsync", "on", "synchronous_commit", "off", "full_page_writes", "on")).status());
        Check fine = DatabaseChecks.durability(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));
        assertEquals(Check.Status.OK, fine.status(), fine.line());
    }

    @Test
    void noBackupOrAnOldOneSaysHowToMakeOne() throws Exception {
        Path dir = Files.createTempDirectory("backups");
        Instant now = Instant.now();
        Check none = DatabaseChecks.backups(dir, now);
        assertEquals(Check.Status.WARN, none.status());
        assertTrue(none.whatToDo().contains("java -jar app/target/contest-app.jar backup"), none.line());
        Path old = Files.writeString(dir.resolve("backup-20261201-0600.zip"), "x");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(3))));
        Files.writeString(dir.resolve("notes.zip"), "not a backup");
        assertEquals(Check.Status.WARN, DatabaseChecks.backups(dir, now).status(), "three days old");
        Files.writeString(dir.resolve("backup-20261207-0600.zip"), "x");
        Check fresh = DatabaseChecks.backups(dir, now.plusSeconds(5));
        assertEquals(Check.Status.OK, fresh.status(), fresh.line());
        assertTrue(fresh.detail().contains("backup-20261207-0600.zip"), "the newest: " + fresh.line());
    }

    @Test
    void aContestThatHasEndedIsAWarningAndOneComingSaysWhen() {
        Contest c = contest(true);
        assertEquals(Check.Status.WARN, ContestChecks.window(c, c.closesAt().plusSeconds(1)).status());
        Check coming = ContestChecks.window(c, c.opensAt().minus(Duration.ofDays(3)));
        assertEquals(Check.Status.OK, coming.status());
        assertTrue(coming.detail().contains("còn 3 ngày"), coming.line());
        assertTrue(ContestChecks.window(c, c.opensAt().plusSeconds(60)).detail().contains("đang mở Tuần 1"));
    }

    @Test
    void webPhonesNeedACodeSenderOnlyWhenPrizesNeedAVerifiedPhone() {
        assertEquals(Check.Status.WARN, ContestChecks.webPhones(contest(true), false).status());
        assertEquals(Check.Status.OK, ContestChecks.webPhones(contest(true), true).status());
        assertEquals(Check.Status.OK, ContestChecks.webPhones(contest(false), false).status());
    }

    @Test
    void aLineSaysWhatToDoOnlyWhenThereIsSomethingToDo() {
        assertEquals("[ổn] A: b", Check.ok("A", "b").line());
        assertEquals("[LỖI] A: b → Cần làm: c", Check.fail("A", "b", "c").line());
        assertTrue(Check.allPass(List.of(Check.ok("A", "b"), Check.warn("A", "b", "c"))));
        assertTrue(!Check.allPass(List.of(Check.ok("A", "b"), Check.fail("A", "b", "c"))));
    }
}
