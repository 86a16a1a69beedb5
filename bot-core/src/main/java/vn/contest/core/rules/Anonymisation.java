package vn.contest.core.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anonymising every participant after the contest (Nghị định 13/2023/NĐ-CP: personal data is kept only while
 * its purpose needs it). It waits for the contest to close, for the committee's explicit confirmation and for a
 * confirmed prize list; it keeps the winners on the latest confirmed list, whose data the prize paperwork
 * still needs, until the committee includes them too. Erasing is {@code ParticipantStore.anonymiseAllBut}.
 */
public final class Anonymisation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why anonymising may not go ahead yet, in the order they are checked. */
    public enum Refusal {
        /** Before the contest closes the data is still needed to run it. */
        CONTEST_NOT_CLOSED,
        /** It cannot be undone: the committee confirms it explicitly. */
        NOT_CONFIRMED,
        /** Without a confirmed prize list nobody knows whose data the prizes need. */
        NO_CONFIRMED_PRIZE_LIST
    }

    private Anonymisation() {}

    /** Empty when anonymising may go ahead at {@code now}. */
    public static Optional<Refusal> refusal(Instant now, Instant contestClosesAt, boolean confirmed, boolean prizeListConfirmed) {
        if (now.isBefore(contestClosesAt)) {
            return Optional.of(Refusal.CONTEST_NOT_CLOSED);
        }
        if (!confirmed) {
            return Optional.of(Refusal.NOT_CONFIRMED);
        }
        if (!prizeListConfirmed) {
            return Optional.of(Refusal.NO_CONFIRMED_PRIZE_LIST);
        }
        return Optional.empty();
    }

    /**
     * The phones whose people keep their data: every winner's on the confirmed prize list (a JSON array of its
     * lines, each with its winner's {@code phone}; a unit's prize has none), or nobody once the committee
     * includes the winners.
     */
    public static List<String> keptPhones(String confirmedPrizeList, boolean includeWinners) {
        if (includeWinners) {
            return List.of();
        }
        List<String> phones = new ArrayList<>();
        try {
            for (JsonNode line : JSON.readTree(confirmedPrizeList)) {
                String phone = line.path("phone").asText("");
                if (!phone.isEmpty() && !phones.contains(phone)) {
                    phones.add(phone);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the confirmed prize list is unreadable", e);
        }
        return List.copyOf(phones);
    }
}
