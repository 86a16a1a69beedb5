package vn.contest.core.bank;

import java.util.List;

/** What an import did: either every question was added, or none was and {@link #problems()} says why. */
public record ImportReport(int imported, List<ImportProblem> problems) {
    public boolean ok() {
        return problems.isEmpty();
    }
}
