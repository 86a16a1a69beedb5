package vn.contest.core.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

/** One database holds the province's contests side by side; a contest installed again keeps its id and data. */
class SeveralContestsPerDatabaseTest {
    @Test
    void aSecondContestInstallsBesideTheFirst() {
        try (Database db = TestDatabase.fresh()) {
            Contest first = TestContest.install(db.jdbi(), TestContest.config());
            Contest second = ContestStore.install(db.jdbi(),
                    TestContest.config(TestContest.yaml().replace("code: test-contest", "code: other-contest")));
            assertNotEquals(first.id(), second.id());
            long contests = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM contests").mapTo(Long.class).one());
            assertEquals(2L, contests);
            assertEquals(first.id(), ContestStore.install(db.jdbi(), TestContest.config()).id(), "the same contest installs again");
            Contests all = new Contests(db.jdbi(), List.of(first), java.time.Clock.systemUTC());
            assertEquals(List.of("test-contest", "other-contest"), all.all().stream().map(c -> c.config().code()).sorted(
                    java.util.Comparator.reverseOrder()).toList(), "a contest installed elsewhere is picked up");
            assertEquals(second.id(), all.byCode("OTHER-contest").orElseThrow().id());
        }
    }
}
