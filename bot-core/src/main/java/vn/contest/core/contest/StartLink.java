package vn.contest.core.contest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a start link names: `t.me/<bot>?start=<contest>-<unit>`, the web's `?contest=CODE&unit=CODE` (sent as
 * the same payload), a contest alone, or a unit alone (links printed before contests were several). Codes may
 * hold hyphens themselves, so a payload names a contest when it is the contest's code, or its code, a hyphen
 * and one of its units' codes; the longest such code wins.
 */
public record StartLink(Optional<Contest> contest, Optional<String> unitCode) {
    static final StartLink NONE = new StartLink(Optional.empty(), Optional.empty());

    public static StartLink parse(String payload, List<Contest> contests) {
        if (payload == null || payload.isBlank()) {
            return NONE;
        }
        String p = payload.strip();
        List<Contest> longestFirst = contests.stream()
                .sorted(Comparator.comparingInt((Contest c) -> c.config().code().length()).reversed()).toList();
        for (Contest c : longestFirst) {
            String code = c.config().code();
            if (p.equalsIgnoreCase(code)) {
                return new StartLink(Optional.of(c), Optional.empty());
            }
            if (p.length() > code.length() + 1 && p.regionMatches(true, 0, code + "-", 0, code.length() + 1)) {
                String unit = p.substring(code.length() + 1);
                if (c.unitByCode(unit).isPresent()) {
                    return new StartLink(Optional.of(c), Optional.of(unit));
                }
            }
        }
        return new StartLink(Optional.empty(), Optional.of(p));
    }

    /** The unit a payload names in {@code contest}, whether the link names the contest or only the unit. */
    public static Optional<Unit> unitIn(String payload, Contest contest) {
        StartLink link = parse(payload, List.of(contest));
        return link.unitCode().flatMap(contest::unitByCode);
    }

    /**
     * The payload a unit's link carries, naming the contest and the unit; past {@code maxLength} (a platform's
     * limit, Telegram's 64) the unit alone, for the contest the chat is in.
     */
    public static String of(String contestCode, String unitCode, int maxLength) {
        String both = contestCode + "-" + unitCode;
        return both.length() <= maxLength ? both : unitCode;
    }
}
