package vn.contest.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;

/**
 * Where a contest stands for a visitor: coming, open or past, and the next change (a round or the contest
 * opening or closing), which the landing page counts down to.
 */
record Timeline(Status status, Optional<Change> next) {
    enum Status {
        COMING("Sắp diễn ra"), OPEN("Đang diễn ra"), PAST("Đã kết thúc");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** "Tuần 2 bắt đầu", at {@code at}. */
    record Change(String what, Instant at) {}

    static Timeline of(Contest contest, Instant now) {
        Status status = now.isBefore(contest.opensAt()) ? Status.COMING : now.isBefore(contest.closesAt()) ? Status.OPEN : Status.PAST;
        List<Change> changes = new ArrayList<>();
        for (Round r : contest.rounds()) {
            changes.add(new Change(r.name() + " bắt đầu", r.opensAt()));
            changes.add(new Change(r.name() + " kết thúc", r.closesAt()));
        }
        // The contest's own bounds count only where no round starts or ends at that moment (a round says more).
        if (changes.stream().noneMatch(c -> c.at().equals(contest.opensAt()))) {
            changes.add(new Change("Cuộc thi bắt đầu", contest.opensAt()));
        }
        if (changes.stream().noneMatch(c -> c.at().equals(contest.closesAt()))) {
            changes.add(new Change("Cuộc thi kết thúc", contest.closesAt()));
        }
        return new Timeline(status, changes.stream().filter(c -> c.at().isAfter(now)).min(Comparator.comparing(Change::at)));
    }
}
