package vn.contest.core.testing;

import java.time.Instant;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.store.Database;

/**
 * A fresh engine for one test class: its own database on the shared test server, the test contest and its
 * bank, a clock the test can move, the real dialogue and the real outbox. Close it in {@code @AfterAll}.
 */
public final class TestEngine implements AutoCloseable {
    public final Database db;
    public final Contest contest;
    /** Every contest of the engine, {@link #contest} first. */
    public final java.util.List<Contest> contests;
    public final MutableClock clock;
    public final Dialogue dialogue;
    public final OutboxStore outbox;

    private TestEngine(ContestConfig... configs) {
        this.db = TestDatabase.fresh();
        this.contests = java.util.Arrays.stream(configs).map(c -> TestContest.install(db.jdbi(), c)).toList();
        this.contest = contests.get(0);
        this.clock = new MutableClock(Instant.now());
        this.dialogue = new Dialogue(db.jdbi(), () -> contests, clock, new PaperDrawer());
        this.outbox = new OutboxStore(db.jdbi());
    }

    /** The test contest as shipped (see {@link TestContest}). */
    public static TestEngine start() {
        return new TestEngine(TestContest.config());
    }

    /** Another contest's rules, for tests of other rules; several, for one deployment serving them all. */
    public static TestEngine start(ContestConfig... configs) {
        return new TestEngine(configs);
    }

    /** A second contest beside the test contest: its own code, title and bank, open at the same time. */
    public static ContestConfig secondContest() {
        return TestContest.config(TestContest.yaml().replace("code: test-contest", "code: luat-2026")
                .replace("title: Cuộc thi thử nghiệm", "title: Cuộc thi tìm hiểu pháp luật"));
    }

    /** Adds three practice-only questions (testing/practice.csv) to the bank; returns their ids. */
    public java.util.Set<Long> importPracticeQuestions() {
        var report = new vn.contest.core.bank.QuestionImporter(db.jdbi()).importFile(contest, TestContest.bytes("testing/practice.csv"),
                "practice.csv", null);
        if (!report.ok()) {
            throw new IllegalStateException("practice questions did not import: " + report.problems());
        }
        return new java.util.HashSet<>(db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM questions WHERE purpose = 'practice'")
                .mapTo(Long.class).list()));
    }

    /** Returns once some session of this engine's database waits for a lock (a turn held back by a test's transaction). */
    public void awaitSomeoneWaitingOnALock() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    .mapTo(Integer.class).one()) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nobody waited for a lock within 5 s");
    }

    /** A chat on the test channel, played against this engine. */
    public ChatDriver chat(String externalId) {
        return new ChatDriver(dialogue, outbox, externalId);
    }

    @Override
    public void close() {
        db.close();
    }
}
