package vn.contest.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/** Whether every round still to come can draw a paper and each topic's quota, on the real bank (12 questions). */
class ContestBankCheckTest {
    @Test
    void aBankTooSmallForAPaperOrAQuotaFailsAndOneLargeEnoughPasses() {
        String yaml = TestContest.yaml();
        try (TestEngine fine = TestEngine.start(TestContest.config(yaml))) {
            Check check = ContestChecks.bank(fine.db.jdbi(), fine.contest, fine.clock.instant());
            assertEquals(Check.Status.OK, check.status(), check.line());
        }
        try (TestEngine big = TestEngine.start(TestContest.config(yaml.replace("questions: 4", "questions: 40")
                .replace("quotas: {luat: 1, ky-nang: 1}", "quotas: {luat: 30, ky-nang: 1}")))) {
            Check check = ContestChecks.bank(big.db.jdbi(), big.contest, big.clock.instant());
            assertEquals(Check.Status.FAIL, check.status(), check.line());
            assertTrue(check.detail().contains("một bài cần 40") && check.detail().contains("chủ đề luat"), check.line());
            assertTrue(check.whatToDo().contains("import-questions"), check.line());
        }
    }
}
