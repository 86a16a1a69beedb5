package vn.contest.admin.pages;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.contest.Contest;
import vn.contest.core.report.ParticipationReport;
import vn.contest.core.rules.Window;

/**
 * Contests as the committee lists them: code, title, where each stands and its participation, from the counts
 * kept as people register and papers finish (cheap at a million people).
 */
public final class ContestLines {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A contest's line: code, title, where it stands, people registered and papers finished. */
    public record Line(String code, String title, String state, long registered, long papers) {}

    private ContestLines() {}

    static List<Line> of(Jdbi jdbi, List<Contest> contests, Clock clock) {
        return jdbi.withHandle(h -> contests.stream().map(c -> {
            ParticipationReport.Totals totals = ParticipationReport.totals(h, c.id());
            return new Line(c.config().code(), c.config().title(), state(c, clock), totals.registered(), totals.papers());
        }).toList());
    }

    private static String state(Contest c, Clock clock) {
        ZoneId zone = c.config().zone();
        String window = c.opensAt().atZone(zone).format(DATE) + " - " + c.closesAt().atZone(zone).format(DATE);
        Window w = Window.at(c, clock.instant());
        String where = w instanceof Window.NotOpenYet ? "Sắp mở" : w instanceof Window.Closed ? "Đã kết thúc"
                : w instanceof Window.BetweenRounds ? "Giữa các đợt" : "Đang diễn ra";
        return where + " (" + window + ")";
    }
}
