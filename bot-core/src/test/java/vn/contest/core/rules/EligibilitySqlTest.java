package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.participant.Participant;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.store.Database;
import vn.contest.core.testing.TestContest;
import vn.contest.core.testing.TestDatabase;

/**
 * Each eligibility rule's SQL selects exactly the people its Java admits, on every combination of the states a
 * record can be in (set aside, dispute and how it was settled, verified phone, excluded by phone or ID number),
 * with and without the verified-phone requirement. Unreachable combinations are included on purpose: the two
 * forms must agree on the rule, not only on the paths the app takes today.
 */
class EligibilitySqlTest {
    static Database db;
    static Contest contest;
    /** Each inserted record and its states, for the failure message. */
    static final Map<Long, String> states = new LinkedHashMap<>();
    static final List<String> excludedPhones = new ArrayList<>();
    static final List<String> excludedIds = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        contest = TestContest.install(db.jdbi(), TestContest.config());
        long unit = contest.units().get(0).id();
        db.jdbi().useTransaction(h -> {
            long owner = insert(h, unit, "0912999999", "001099999999", null, null, false, "telegram", null);
            states.put(owner, "a verified owner");
            int i = 0;
            for (String setAside : List.of("no", "disqualified", "merged", "both")) {
                for (String dispute : List.of("none", "open", "merged", "kept_apart", "disqualified")) {
                    for (boolean verified : new boolean[] {false, true}) {
                        for (String excluded : List.of("no", "phone", "id", "no id number")) {
                            i++;
                            String phone = "0913" + String.format("%06d", i);
                            String idNumber = excluded.equals("no id number") ? null : "0010990" + String.format("%05d", i);
                            if (excluded.equals("phone")) {
                                excludedPhones.add(phone);
                            } else if (excluded.equals("id")) {
                                excludedIds.add(idNumber);
                            }
                            long id = insert(h, unit, phone, idNumber,
                                    setAside.equals("disqualified") || setAside.equals("both") ? "gian lận" : null,
                                    setAside.equals("merged") || setAside.equals("both") ? owner : null,
                                    !dispute.equals("none"), verified ? "zalo" : null,
                                    dispute.equals("none") || dispute.equals("open") ? null : dispute);
                            states.put(id, "set aside: " + setAside + ", dispute: " + dispute + ", verified: " + verified
                                    + ", excluded: " + excluded);
                        }
                    }
                }
            }
        });
    }

    static long insert(Handle h, long unit, String phone, String idNumber, String disqualifiedReason, Long mergedInto,
                       boolean disputed, String verifiedVia, String resolution) {
        return h.createQuery("""
                INSERT INTO participants (contest_id, full_name, birth_date, phone, id_number, group_no, unit_id, registered_at,
                                          disqualified_at, disqualified_reason, merged_into, disputed_at, phone_verified_via,
                                          dispute_resolution)
                VALUES (:c, 'Người thử', DATE '1990-01-01', :phone, :idNumber, 1, :unit, now(),
                        CASE WHEN CAST(:reason AS text) IS NULL THEN NULL ELSE now() END, :reason, :merged,
                        CASE WHEN :disputed THEN now() END, :via, :resolution)
                RETURNING id""")
                .bind("c", contest.id()).bind("phone", phone).bind("idNumber", idNumber).bind("unit", unit)
                .bind("reason", disqualifiedReason).bind("merged", mergedInto).bind("disputed", disputed)
                .bind("via", verifiedVia).bind("resolution", resolution)
                .mapTo(Long.class).one();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** The contest with this test's exclusion lists, asking for a verified phone to win or not. */
    static ContestConfig config(boolean verifiedPhoneNeeded) {
        String yaml = TestContest.yaml()
                .replace("  phones: [\"0999 888 777\"]", "  phones: " + quoted(excludedPhones))
                .replace("  idNumbers: [\"001099000111\"]", "  idNumbers: " + quoted(excludedIds))
                .replace("  minAge: 15", "  minAge: 15\n  prizesNeedVerifiedPhone: " + verifiedPhoneNeeded);
        ContestConfig config = TestContest.config(yaml);
        assertEquals(excludedPhones, config.exclusions().phones());
        assertEquals(excludedIds, config.exclusions().idNumbers());
        assertEquals(verifiedPhoneNeeded, config.eligibility().needsVerifiedPhone());
        return config;
    }

    static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    record Form(String name, String sql, BiPredicate<Eligibility, Participant> java) {}

    static final List<Form> FORMS = List.of(
            new Form("TOOK_PART", Eligibility.TOOK_PART, Eligibility.TAKES_PART::holds),
            new Form("MAY_RANK", Eligibility.MAY_RANK, Eligibility.RANKS::holds),
            new Form("MAY_COMPETE", Eligibility.MAY_COMPETE, Eligibility::mayCompete),
            new Form("COULD_WIN", Eligibility.COULD_WIN, Eligibility::mayWin));

    @Test
    void eachRulesSqlSelectsWhomItsJavaAdmits() {
        for (boolean verifiedPhoneNeeded : new boolean[] {true, false}) {
            Eligibility eligibility = new Eligibility(config(verifiedPhoneNeeded));
            for (Form form : FORMS) {
                List<Long> sql = db.jdbi().withHandle(h -> eligibility.bind(h.createQuery(
                                "SELECT p.id FROM participants p WHERE p.contest_id = :c AND <rule> ORDER BY p.id")
                        .define("rule", form.sql()).bind("c", contest.id())).mapTo(Long.class).list());
                List<Long> java = db.jdbi().withHandle(h -> states.keySet().stream()
                        .filter(id -> form.java().test(eligibility, ParticipantStore.find(h, id).orElseThrow())).toList());
                String where = form.name() + (verifiedPhoneNeeded ? ", verified phone needed" : ", verified phone not needed");
                assertTrue(!java.isEmpty() && java.size() < states.size(), where + " admits some and refuses some: " + java.size());
                assertEquals(describe(java), describe(sql), where);
            }
        }
    }

    static List<String> describe(List<Long> ids) {
        return ids.stream().map(id -> id + " (" + states.get(id) + ")").toList();
    }
}
