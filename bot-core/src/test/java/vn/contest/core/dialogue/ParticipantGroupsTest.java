package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig.GroupConfig;
import vn.contest.core.ranking.PrizeProposal;
import vn.contest.core.ranking.RankingQuery;
import vn.contest.core.testing.ChatDriver;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestEngine;

/** A province with three groups: the dialogue offers them, and rankings and prizes follow the contest file. */
class ParticipantGroupsTest {
    static final String THREE_GROUPS = """
            groups:
              - {code: 1, name: "Cán bộ, công chức, viên chức", shortName: Cán bộ, aliases: [cán bộ, công chức]}
              - {code: 2, name: "Học sinh, sinh viên", shortName: Học sinh, aliases: [học sinh, sinh viên]}
              - {code: 3, name: Nhân dân, shortName: Nhân dân, aliases: [nhân dân, người dân]}
            """;
    static TestEngine engine;

    @BeforeAll
    static void setUp() {
        String yaml = TestContest.yaml().replace("prizes:\n  individual:\n", "prizes:\n  individual:\n"
                + "    - group: 3\n      levels:\n        - {code: nhat, name: Giải Nhất, count: 1}\n") + THREE_GROUPS;
        engine = TestEngine.start(TestContest.config(yaml));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void theDialogueOffersTheContestsGroupsAndTakesANumberANameOrAnAlias() {
        ChatDriver c = engine.chat("three-groups");
        c.send("xin chào");
        c.tap(c.token("Đồng ý"));
        c.send("Hoàng Thị Ba");
        c.send("03/03/2003");
        c.send("0912333003");
        assertEquals(List.of("group:1", "group:2", "group:3"), c.tokens());
        assertTrue(c.text().contains("3. Nhân dân") && c.text().contains("1, 2 hoặc 3"), c.text());
        c.send("người dân");
        assertTrue(c.tokens().stream().allMatch(t -> t.startsWith("unit:")), "moved on to the unit: " + c.tokens());
        c.send("1");
        assertTrue(c.text().contains("Nhóm: Nhân dân"), c.text());
        c.tap(c.token("Xác nhận"));
        int group = engine.db.jdbi().withHandle(h -> h.createQuery("SELECT group_no FROM participants WHERE phone = '0912333003'")
                .mapTo(Integer.class).one());
        assertEquals(3, group);

        ChatDriver pupil = engine.chat("pupil");
        pupil.register("Lý Văn Học", "04/04/2008", "0912333004", 2, "1");
    }

    @Test
    void rankingsAndThePrizeProposalCoverEveryGroup() {
        long round = engine.contest.rounds().get(0).id();
        List<Integer> ranked = engine.db.jdbi().withHandle(h -> vn.contest.core.ranking.Rankings.byGroup(h, engine.contest.config(), round))
                .keySet().stream().map(GroupConfig::code).toList();
        assertEquals(List.of(1, 2, 3), ranked);
        PrizeProposal proposal = engine.db.jdbi().withHandle(h -> PrizeProposal.of(h, engine.contest));
        assertTrue(proposal.individual().isEmpty(), "no finished papers yet, so no prize: " + proposal);
    }
}
