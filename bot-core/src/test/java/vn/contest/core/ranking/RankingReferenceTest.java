package vn.contest.core.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.CountedAttempt;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.contest.Unit;
import vn.contest.core.report.ParticipationCounts;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

/**
 * The SQL ranking, the prize allocation and the unit standings against slow, obvious reference code on
 * random data made to tie often (few scores, few predictions, few durations).
 */
class RankingReferenceTest {
    static Database db;
    static Contest contest;
    static final List<Paper> papers = new ArrayList<>();
    static final Map<Long, Person> people = new HashMap<>();
    static final String EXCLUDED_PHONE = "0999888777";

    record Person(long id, int group, long unitId, boolean disqualified, String phone, boolean verified) {}

    record Paper(long id, long participantId, long roundId, int group, int score, Long prediction, long durationMs,
                 Instant startedAt, Instant finishedAt) {}

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        contest = TestContest.install(db.jdbi(), TestContest.config());
        Random random = new Random(20230910);
        Instant base = contest.opensAt();
        db.jdbi().useTransaction(h -> {
            for (int i = 0; i < 120; i++) {
                int group = 1 + random.nextInt(2);
                Unit unit = contest.units().get(random.nextInt(contest.units().size()));
                boolean disqualified = random.nextInt(15) == 0;
                boolean verified = random.nextInt(4) != 0;
                String phone = i == 7 ? EXCLUDED_PHONE : "09" + String.format("%08d", i);
                long pid = h.createQuery("""
                        INSERT INTO participants (contest_id, full_name, birth_date, phone, group_no, unit_id, registered_at, disqualified_at,
                                                  phone_verified_via)
                        VALUES (:c, :name, DATE '1990-01-01', :phone, :g, :u, now(), :dq, :via) RETURNING id""")
                        .bind("c", contest.id()).bind("name", "Người " + i).bind("phone", phone).bind("g", group)
                        .bind("u", unit.id()).bind("dq", disqualified ? base.atOffset(ZoneOffset.UTC) : null)
                        .bind("via", verified ? "telegram" : null)
                        .mapTo(Long.class).one();
                people.put(pid, new Person(pid, group, unit.id(), disqualified, phone, verified));
                long chat = h.createQuery("""
                        INSERT INTO chat_accounts (contest_id, channel, external_id, participant_id, state)
                        VALUES (:c, 'test', :ext, :p, 'READY') RETURNING id""")
                        .bind("c", contest.id()).bind("ext", "r" + i).bind("p", pid).mapTo(Long.class).one();
                int count = random.nextInt(4);
                for (int k = 0; k < count; k++) {
                    Round round = contest.rounds().get(random.nextInt(contest.rounds().size()));
                    Instant started = round.opensAt().plusSeconds(60L * random.nextInt(30));
                    long duration = 1000L * (1 + random.nextInt(3));
                    Instant finished = started.plusMillis(duration);
                    Long prediction = random.nextInt(6) == 0 ? null : (long) random.nextInt(12);
                    int score = random.nextInt(4);
                    long aid = h.createQuery("""
                            INSERT INTO attempts (contest_id, participant_id, round_id, chat_account_id, group_no, status,
                                question_count, current_position, score, prediction, started_at, deadline_at, finished_at,
                                finish_reason, duration_ms)
                            VALUES (:c, :p, :r, :chat, :g, 'finished', 4, 4, :score, :prediction, :start, :deadline, :end,
                                'completed', :duration) RETURNING id""")
                            .bind("c", contest.id()).bind("p", pid).bind("r", round.id()).bind("chat", chat).bind("g", group)
                            .bind("score", score).bind("prediction", prediction)
                            .bind("start", started.atOffset(ZoneOffset.UTC)).bind("deadline", started.plusSeconds(600).atOffset(ZoneOffset.UTC))
                            .bind("end", finished.atOffset(ZoneOffset.UTC)).bind("duration", duration)
                            .mapTo(Long.class).one();
                    papers.add(new Paper(aid, pid, round.id(), group, score, prediction, duration, started, finished));
                    // What the app does as a paper closes.
                    RoundResults.record(h, contest.config().attempts().counted(), round.id(), pid);
                    ParticipationCounts.paperFinished(h, pid, finished, contest.config().timezone());
                }
            }
        });
    }

    /** The contest's rankings and standings as if it had counted by {@code policy}. */
    static void countBy(CountedAttempt policy) {
        db.jdbi().useTransaction(h -> RoundResults.rebuild(h, contest.id(), policy));
    }

    static List<String> roundResults() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT concat_ws(':', round_id, participant_id, attempt_id, score, prediction) FROM round_results ORDER BY 1""")
                .mapTo(String.class).list());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** The rule as written in the contest plan, compared field by field. */
    static boolean strictlyBetter(Paper a, Paper b, long actual) {
        if (a.score() != b.score()) {
            return a.score() > b.score();
        }
        Long da = a.prediction() == null ? null : Math.abs(a.prediction() - actual);
        Long db = b.prediction() == null ? null : Math.abs(b.prediction() - actual);
        if (da == null ^ db == null) {
            return da != null;
        }
        if (da != null && !da.equals(db)) {
            return da < db;
        }
        if (a.durationMs() != b.durationMs()) {
            return a.durationMs() < b.durationMs();
        }
        if (!a.finishedAt().equals(b.finishedAt())) {
            return a.finishedAt().isBefore(b.finishedAt());
        }
        return a.id() < b.id();
    }

    static boolean competes(Person p) {
        return !p.disqualified() && !p.phone().equals(EXCLUDED_PHONE);
    }

    /** Who could win: competes, and (the contest's default) with a verified phone. */
    static boolean couldWin(Person p) {
        return competes(p) && p.verified();
    }

    static long actualParticipants(long roundId) {
        return papers.stream().filter(p -> p.roundId() == roundId && couldWin(people.get(p.participantId())))
                .map(Paper::participantId).distinct().count();
    }

    /** Reference ranking: pick each person's counted paper by brute force, rank = 1 + how many beat it. */
    static List<Long> referenceRanking(long roundId, int group, CountedAttempt policy) {
        long actual = actualParticipants(roundId);
        Map<Long, List<Paper>> byPerson = papers.stream()
                .filter(p -> p.roundId() == roundId && p.group() == group && competes(people.get(p.participantId())))
                .collect(Collectors.groupingBy(Paper::participantId));
        List<Paper> counted = new ArrayList<>();
        for (List<Paper> own : byPerson.values()) {
            Paper pick = own.get(0);
            for (Paper p : own) {
                boolean replace = switch (policy) {
                    case BEST -> strictlyBetter(p, pick, actual);
                    case FIRST -> p.startedAt().isBefore(pick.startedAt()) || (p.startedAt().equals(pick.startedAt()) && p.id() < pick.id());
                    case LAST -> p.startedAt().isAfter(pick.startedAt()) || (p.startedAt().equals(pick.startedAt()) && p.id() > pick.id());
                };
                if (replace) {
                    pick = p;
                }
            }
            counted.add(pick);
        }
        Map<Long, Integer> rank = new HashMap<>();
        for (Paper p : counted) {
            rank.put(p.id(), 1 + (int) counted.stream().filter(o -> strictlyBetter(o, p, actual)).count());
        }
        return counted.stream().sorted(Comparator.comparing(p -> rank.get(p.id()))).map(Paper::id).toList();
    }

    static ContestConfig withPolicy(CountedAttempt policy) {
        ContestConfig c = contest.config();
        return new ContestConfig(c.code(), c.title(), c.organizer(), c.province(), c.timezone(), c.opensAt(), c.closesAt(),
                c.rounds(), c.eligibility(), c.registration(), c.paper(),
                new ContestConfig.AttemptPolicy(0, 0, 0, policy), c.answers(), c.prizes(), c.exclusions(), c.topics(),
                c.units(), c.rules(), c.groups(), c.practice(), c.reminders());
    }

    @Test
    void papersRecordedAsTheyFinishGiveTheTableARebuildGives() {
        List<String> recorded = roundResults();
        assertTrue(recorded.size() > 50, "rows: " + recorded.size());
        countBy(CountedAttempt.BEST);
        assertEquals(recorded, roundResults());
    }

    @Test
    void sqlRankingMatchesTheReferenceForEveryPolicyRoundAndGroup() {
        int compared = 0;
        for (CountedAttempt policy : CountedAttempt.values()) {
            countBy(policy);
            for (Round round : contest.rounds()) {
                for (int group = 1; group <= 2; group++) {
                    int g = group;
                    List<RankedEntry> sql = db.jdbi().withHandle(h -> Rankings.ranking(h, withPolicy(policy), round.id(), g,
                            RankingQuery.actualParticipants(h, contest.config(), round.id())));
                    List<Long> expected = referenceRanking(round.id(), group, policy);
                    assertEquals(expected, sql.stream().map(RankedEntry::attemptId).toList(), policy + " " + round.code() + " group " + group);
                    for (int i = 0; i < sql.size(); i++) {
                        assertEquals(i + 1, sql.get(i).rank());
                    }
                    for (int limit : new int[] {1, 2, 5, 13, 40, 1000}) {
                        for (int window : new int[] {1, 2, 64}) { // small windows: levels read in parts, and again
                            List<RankedEntry> top = db.jdbi().withHandle(h -> TopRanking.top(h, withPolicy(policy), round.id(), g,
                                    RankingQuery.actualParticipants(h, contest.config(), round.id()), limit, window));
                            assertEquals(sql.subList(0, Math.min(limit, sql.size())), top,
                                    policy + " " + round.code() + " group " + g + " top " + limit + " window " + window);
                        }
                    }
                    compared += expected.size();
                }
            }
        }
        countBy(contest.config().attempts().counted());
        assertTrue(compared > 100, "enough data was compared: " + compared);
    }

    @Test
    void theProposalReadsTheRankingsAsDeepAsThePrizesNeed() {
        // Deep prizes over few people, so lists run out and slots pass over unverified people and earlier winners.
        ContestConfig.GroupPrizes deep = new ContestConfig.GroupPrizes(1, List.of(new ContestConfig.PrizeLevel("nhat", "Giải Nhất", 3),
                new ContestConfig.PrizeLevel("nhi", "Giải Nhì", 9)));
        ContestConfig.GroupPrizes shallow = new ContestConfig.GroupPrizes(2, List.of(new ContestConfig.PrizeLevel("nhat", "Giải Nhất", 2)));
        ContestConfig c = contest.config();
        ContestConfig config = new ContestConfig(c.code(), c.title(), c.organizer(), c.province(), c.timezone(), c.opensAt(), c.closesAt(),
                c.rounds(), c.eligibility(), c.registration(), c.paper(), c.attempts(), c.answers(),
                new ContestConfig.Prizes(List.of(deep, shallow), c.prizes().collective()), c.exclusions(), c.topics(),
                c.units(), c.rules(), c.groups(), c.practice(), c.reminders());
        Contest withPrizes = new Contest(contest.id(), config, contest.rounds(), contest.units(), contest.topics());
        Map<Long, Map<Integer, List<RankedEntry>>> whole = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> contest.rounds().forEach(r -> {
            Map<Integer, List<RankedEntry>> groups = new LinkedHashMap<>();
            Rankings.byGroup(h, config, r.id()).forEach((g, lines) -> groups.put(g.code(), lines));
            whole.put(r.id(), groups);
        }));
        PrizeAllocator.Allocation expected = PrizeAllocator.allocation(config.prizes().individual(), whole);
        assertTrue(expected.passedOver().size() > 2, "the data passes people over: " + expected.passedOver());
        for (int firstDepth : new int[] {1, 2, 7, 1000}) {
            PrizeProposal proposal = db.jdbi().withHandle(h -> PrizeProposal.of(h, withPrizes, firstDepth));
            assertEquals(expected.awards(), proposal.individual().stream().map(PrizeProposal.IndividualPrize::award).toList(), "depth " + firstDepth);
            assertEquals(expected.passedOver().stream().map(PrizeAllocator.Skipped::entry).toList(),
                    proposal.passedOver().stream().map(PrizeProposal.PassedOver::entry).toList(), "depth " + firstDepth);
        }
    }

    @Test
    void actualParticipantsCountsPeopleNotPapers() {
        for (Round round : contest.rounds()) {
            long fromSql = db.jdbi().withHandle(h -> RankingQuery.actualParticipants(h, contest.config(), round.id()));
            assertEquals(actualParticipants(round.id()), fromSql);
        }
    }

    @Test
    void prizesInOneRoundAreConsecutiveSlicesOfTheRanking() {
        Round round = contest.rounds().get(0);
        Map<Integer, List<RankedEntry>> byGroup = new HashMap<>();
        db.jdbi().withHandle(h -> Rankings.byGroup(h, contest.config(), round.id()))
                .forEach((group, ranking) -> byGroup.put(group.code(), ranking));
        // The allocator on this one round alone (the proposal runs it over every round, see PrizeProposal).
        List<Award> awards = PrizeAllocator.allocation(contest.config().prizes().individual(), Map.of(round.id(), byGroup)).awards();
        for (ContestConfig.GroupPrizes prizes : contest.config().prizes().individual()) {
            List<RankedEntry> ranking = byGroup.get(prizes.group());
            int at = 0;
            for (ContestConfig.PrizeLevel level : prizes.levels()) {
                for (int k = 0; k < level.count(); k++, at++) {
                    long expected = ranking.get(at).participantId();
                    assertEquals(1, awards.stream().filter(a -> a.participantId() == expected && a.levelCode().equals(level.code())
                            && a.group() == prizes.group()).count(), "rank " + (at + 1) + " gets " + level.name());
                }
            }
            assertEquals(at, awards.stream().filter(a -> a.group() == prizes.group()).count());
        }
    }

    @Test
    void aPersonKeepsOnlyTheirHighestPrizeAcrossRoundsAndTheSlotPassesOn() {
        ContestConfig.GroupPrizes prizes = new ContestConfig.GroupPrizes(1, List.of(
                new ContestConfig.PrizeLevel("nhat", "Giải Nhất", 1), new ContestConfig.PrizeLevel("nhi", "Giải Nhì", 1)));
        Map<Long, Map<Integer, List<RankedEntry>>> rankings = new LinkedHashMap<>();
        rankings.put(1L, Map.of(1, List.of(entry(1, 100), entry(2, 200), entry(3, 300))));
        rankings.put(2L, Map.of(1, List.of(entry(1, 200), entry(2, 100), entry(3, 400))));
        List<Award> awards = PrizeAllocator.allocation(List.of(prizes), rankings).awards();
        assertEquals(List.of("1:nhat:100", "2:nhat:200", "1:nhi:300", "2:nhi:400"),
                awards.stream().map(a -> a.roundId() + ":" + a.levelCode() + ":" + a.participantId()).toList());
    }

    @Test
    void someoneWhoCannotWinIsPassedOverAndTheSlotGoesToTheNextInLine() {
        ContestConfig.GroupPrizes prizes = new ContestConfig.GroupPrizes(1, List.of(new ContestConfig.PrizeLevel("nhat", "Giải Nhất", 1)));
        RankedEntry unverified = new RankedEntry(1, 100, "P100", 1, 1000, 4, 4, 0L, 0L, 1000, Instant.EPOCH, null, false, false);
        List<Award> awards = PrizeAllocator.allocation(List.of(prizes), Map.of(1L, Map.of(1, List.of(unverified, entry(2, 200))))).awards();
        assertEquals(List.of(200L), awards.stream().map(Award::participantId).toList());
    }

    static RankedEntry entry(int rank, long participantId) {
        return new RankedEntry(rank, participantId, "P" + participantId, 1, participantId * 10, 4, 4, 0L, 0L, 1000, Instant.EPOCH,
                "telegram", false, true);
    }

    @Test
    void unitStandingsRollCommunesUpAndMatchAHandCount() {
        Map<Long, Long> rootOf = new HashMap<>();
        for (Unit u : contest.units()) {
            rootOf.put(u.id(), u.parentId() == null ? u.id() : u.parentId());
        }
        Map<Long, Long> expected = new HashMap<>();
        papers.stream().map(Paper::participantId).distinct().map(people::get).filter(RankingReferenceTest::couldWin)
                .forEach(p -> expected.merge(rootOf.get(p.unitId()), 1L, Long::sum));
        List<UnitStanding> byCount = db.jdbi().withHandle(h -> UnitStandings.rank(h, contest.config(), contest.id(), ContestConfig.UnitMeasure.PARTICIPANTS));
        assertEquals(contest.topUnits().size(), byCount.size());
        for (UnitStanding s : byCount) {
            assertEquals(expected.getOrDefault(s.unitId(), 0L), s.participants(), s.name());
        }
        for (int i = 1; i < byCount.size(); i++) {
            assertTrue(byCount.get(i - 1).participants() >= byCount.get(i).participants());
        }
        List<UnitStanding> byRate = db.jdbi().withHandle(h -> UnitStandings.rank(h, contest.config(), contest.id(), ContestConfig.UnitMeasure.PARTICIPATION_RATE));
        for (int i = 1; i < byRate.size(); i++) {
            assertTrue(byRate.get(i - 1).rate() >= byRate.get(i).rate(), byRate.toString());
        }
    }

}
