package vn.contest.core.bank;

import java.util.List;
import vn.contest.core.bank.review.ItemWarning;

/**
 * What an import did: either every question was added, or none was and {@link #problems()} says why. Either way
 * {@link #warnings()} lists what the item checks found on rows that did not acknowledge it: for the drafting team to
 * look at, never a reason to refuse the file.
 */
public record ImportReport(int imported, List<ImportProblem> problems, List<ItemWarning> warnings) {
    public ImportReport(int imported, List<ImportProblem> problems) {
        this(imported, problems, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
