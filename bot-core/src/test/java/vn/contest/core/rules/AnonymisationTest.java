package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.contest.core.rules.Anonymisation.Refusal;

/** When anonymising after the contest may go ahead and whom it keeps: the rule alone, no database. */
class AnonymisationTest {
    static final Instant CLOSES = Instant.parse("2023-11-30T16:59:59Z");

    @Test
    void itWaitsForTheContestToCloseThenForTheConfirmationThenForAConfirmedPrizeList() {
        assertEquals(Optional.of(Refusal.CONTEST_NOT_CLOSED), Anonymisation.refusal(CLOSES.minusSeconds(1), CLOSES, true, true));
        assertEquals(Optional.of(Refusal.NOT_CONFIRMED), Anonymisation.refusal(CLOSES, CLOSES, false, true));
        assertEquals(Optional.of(Refusal.NO_CONFIRMED_PRIZE_LIST), Anonymisation.refusal(CLOSES, CLOSES, true, false));
        assertEquals(Optional.empty(), Anonymisation.refusal(CLOSES, CLOSES, true, true), "from the moment the contest closes");
        assertEquals(Optional.empty(), Anonymisation.refusal(CLOSES.plusSeconds(86_400 * 30), CLOSES, true, true));
        assertEquals(Optional.of(Refusal.CONTEST_NOT_CLOSED), Anonymisation.refusal(CLOSES.minusSeconds(1), CLOSES, false, false),
                "an open contest is the first reason given");
    }

    @Test
    void itKeepsTheConfirmedWinnersUnlessTheCommitteeIncludesThem() {
        String list = """
                [{"kind":"Cá nhân","name":"Nguyễn Văn An","phone":"0912000001"},
                 {"kind":"Cá nhân","name":"Trần Thị Bình","phone":"0912000002"},
                 {"kind":"Cá nhân","name":"Nguyễn Văn An","phone":"0912000001"},
                 {"kind":"Tập thể","name":"Sở Nội vụ","phone":""}]""";
        assertEquals(List.of("0912000001", "0912000002"), Anonymisation.keptPhones(list, false),
                "each winner once; a unit's prize keeps nobody");
        assertEquals(List.of(), Anonymisation.keptPhones(list, true), "when the prize paperwork is done");
        assertEquals(List.of(), Anonymisation.keptPhones("[]", false), "a list without prizes");
        assertThrows(IllegalStateException.class, () -> Anonymisation.keptPhones("{not json", false));
    }
}
