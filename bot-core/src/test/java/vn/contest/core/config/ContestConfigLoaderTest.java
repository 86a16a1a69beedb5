package vn.contest.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.contest.core.testing.TestContest;

class ContestConfigLoaderTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static ContestConfig load(String yaml) {
        return ContestConfigLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", TODAY);
    }

    @Test
    void resolvesRelativeDatesAndFillsDefaults() {
        ContestConfig c = load("""
                code: demo
                title: Thử
                opensAt: today-1d
                closesAt: today+28d 23:59:59
                units: [{code: u1, name: Đơn vị 1, headcount: 10}]
                """);
        assertEquals(LocalDateTime.of(2026, 11, 28, 0, 0), c.opensAt());
        assertEquals(LocalDateTime.of(2026, 12, 27, 23, 59, 59), c.closesAt());
        assertEquals("Asia/Ho_Chi_Minh", c.timezone());
        assertEquals(1, c.rounds().size(), "one round spanning the window by default");
        assertEquals(15, c.eligibility().minAge());
        assertEquals(ContestConfig.CountedAttempt.BEST, c.attempts().counted());
        assertEquals(ContestConfig.Reveal.AFTER_ROUND_CLOSES, c.answers().reveal());
    }

    @Test
    void theCountingPolicyDefaultsAlikeInAFileAndInStoredRules() {
        String base = """
                code: demo
                title: Thử
                opensAt: today-1d
                closesAt: today+28d 23:59:59
                units: [{code: u1, name: Đơn vị 1, headcount: 10}]
                """;
        // No attempts section, and one that names no policy: both the default a rebuild reads from stored rules.
        assertEquals(ContestConfig.CountedAttempt.named(null), load(base).attempts().counted());
        assertEquals(ContestConfig.CountedAttempt.named(null), load(base + "attempts: {maxPerRound: 2}\n").attempts().counted());
        assertEquals(ContestConfig.CountedAttempt.FIRST, load(base + "attempts: {counted: first}\n").attempts().counted());
        assertEquals(ContestConfig.CountedAttempt.FIRST, ContestConfig.CountedAttempt.named("first"));
    }

    @Test
    void listsEveryProblemOfABadFile() {
        ContestConfigException e = assertThrows(ContestConfigException.class, () -> load("""
                code: "bad code"
                title: ""
                opensAt: 2023-09-30
                closesAt: 2023-09-10
                paper: {questions: 5, timeLimitMinutes: 0, shuffleOptions: true, quotas: {nope: 9}}
                units: []
                """));
        String all = String.join("\n", e.problems());
        for (String expected : new String[] {"code must be", "title is required", "opensAt must be before closesAt",
                "timeLimitMinutes", "quotas add up", "unknown topic nope", "at least one unit"}) {
            assertTrue(all.contains(expected), "missing \"" + expected + "\" in\n" + all);
        }
    }

    @Test
    void refusesUnknownKeysSoTyposAreNotSilentlyIgnored() {
        ContestConfigException e = assertThrows(ContestConfigException.class, () -> load("""
                code: x
                title: y
                opensAt: 2023-09-10
                closesAt: 2023-09-30
                atempts: {maxPerDay: 1}
                units: [{code: u1, name: U}]
                """));
        assertTrue(e.getMessage().contains("atempts"), e.getMessage());
    }

    @Test
    void groupsDefaultToThePlansTwoAndPrizesMustNameAGroupOfTheFile() {
        String base = """
                code: g
                title: Nhóm
                opensAt: 2023-09-10
                closesAt: 2023-09-30
                units: [{code: u1, name: U}]
                """;
        assertEquals(java.util.List.of(1, 2), load(base).groups().stream().map(ContestConfig.GroupConfig::code).toList());
        ContestConfig three = load(base + """
                groups:
                  - {code: 1, name: Học sinh}
                  - {code: 2, name: Sinh viên, aliases: [Sinh Viên]}
                  - {code: 3, name: Công chức, shortName: CC}
                """);
        assertEquals(3, three.groups().size());
        assertEquals("Học sinh", three.group(1).orElseThrow().shortName(), "the name stands in for a missing short name");
        assertEquals(java.util.List.of("sinh vien"), three.group(2).orElseThrow().aliases(), "aliases are folded for matching");
        ContestConfigException e = assertThrows(ContestConfigException.class, () -> load(base + """
                groups: [{code: 1, name: Một}, {code: 1, name: Lặp}]
                prizes: {individual: [{group: 7, levels: [{code: a, name: A, count: 1}]}]}
                """));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("group codes must be unique") && all.contains("group 7 is not one of groups[]"), all);
    }

    @Test
    void theShippedTestContestLoads() {
        ContestConfig c = TestContest.config();
        assertEquals(2, c.rounds().size());
        assertEquals("0999888777", c.exclusions().phones().get(0), "exclusion phones are normalised");
    }
}
