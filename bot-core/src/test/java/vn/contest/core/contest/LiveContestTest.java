package vn.contest.core.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.store.Database;
import vn.contest.core.testing.MutableClock;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

/** Rules edited in the admin web reach every instance, and survive a restart unless the contest file changed. */
class LiveContestTest {

    static ContestConfig withRules(ContestConfig c, String rules) {
        return new ContestConfig(c.code(), c.title(), c.organizer(), c.province(), c.timezone(), c.opensAt(), c.closesAt(), c.rounds(),
                c.eligibility(), c.registration(), c.paper(), c.attempts(), c.answers(), c.prizes(), c.exclusions(), c.topics(), c.units(), rules, c.groups(), c.practice(), c.reminders());
    }

    @Test
    void anotherInstanceFollowsAnEditWithinSeconds() {
        try (Database db = TestDatabase.fresh()) {
            ContestConfig file = TestContest.config();
            Contest installed = ContestStore.installFromFile(db.jdbi(), file);
            MutableClock clock = new MutableClock(Instant.now());
            LiveContest here = new LiveContest(db.jdbi(), installed, clock);
            LiveContest there = new LiveContest(db.jdbi(), installed, clock);
            here.replace(withRules(file, "Thể lệ đã sửa"));
            assertEquals("Thể lệ đã sửa", here.get().config().rules());
            assertEquals(file.rules(), there.get().config().rules(), "the other instance has not looked yet");
            clock.advance(Duration.ofSeconds(6));
            assertEquals("Thể lệ đã sửa", there.get().config().rules());
        }
    }

    @Test
    void aRestartWithTheSameFileKeepsEditsAndAChangedFileReplacesThem() {
        try (Database db = TestDatabase.fresh()) {
            ContestConfig file = TestContest.config();
            Contest installed = ContestStore.installFromFile(db.jdbi(), file);
            new LiveContest(db.jdbi(), installed, new MutableClock(Instant.now())).replace(withRules(file, "Sửa trên trang quản trị"));
            assertEquals("Sửa trên trang quản trị", ContestStore.installFromFile(db.jdbi(), file).config().rules(),
                    "same file at restart: the committee's edit stays");
            ContestConfig changedFile = withRules(file, "Tệp thể lệ mới");
            assertEquals("Tệp thể lệ mới", ContestStore.installFromFile(db.jdbi(), changedFile).config().rules(),
                    "the operator changed the file: it wins");
        }
    }
}
