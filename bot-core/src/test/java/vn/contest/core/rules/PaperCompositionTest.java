package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.contest.core.rules.PaperComposition.Candidate;

/** What one paper draws: quotas met, never two questions of one fact group; no database. */
class PaperCompositionTest {
    @Test
    void noPaperHoldsTwoQuestionsOfOneFactGroupAndQuotasStillHold() {
        List<Candidate> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(new Candidate(i, "luat", "NĐ 13/2023"));               // one fact asked eight ways
        }
        for (int i = 8; i < 12; i++) {
            pool.add(new Candidate(i, "luat", i % 2 == 0 ? "QĐ 749 thanh toán" : "qđ 749 THANH TOÁN "));
        }
        for (int i = 12; i < 20; i++) {
            pool.add(new Candidate(i, "ky-nang", null));
        }
        Random random = new Random(7);
        for (int paper = 0; paper < 200; paper++) {
            List<Long> ids = PaperComposition.choose(pool, Map.of("luat", 2, "ky-nang", 3), 10, random);
            assertEquals(10, ids.size());
            assertEquals(10, new HashSet<>(ids).size());
            Set<String> groups = new HashSet<>();
            long luat = 0;
            for (long id : ids) {
                Candidate c = pool.get((int) id);
                String group = PaperComposition.groupKey(c.factGroup());
                assertTrue(group == null || groups.add(group), "paper " + paper + " draws group " + group + " twice: " + ids);
                luat += c.topic().equals("luat") ? 1 : 0;
            }
            assertEquals(2, luat, "the two groups give the law topic two questions, its quota");
        }
    }

    @Test
    void aPoolWithTooFewFactGroupsMakesNoPaper() {
        List<Candidate> pool = List.of(new Candidate(1, "a", "g"), new Candidate(2, "a", "g"), new Candidate(3, "a", null));
        assertEquals(List.of(), PaperComposition.choose(pool, Map.of(), 3, new Random(1)), "three questions but only two may share a paper");
        assertEquals(2, PaperComposition.choose(pool, Map.of(), 2, new Random(1)).size());
    }
}
