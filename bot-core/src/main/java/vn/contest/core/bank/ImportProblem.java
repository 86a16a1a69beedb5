package vn.contest.core.bank;

/** One thing wrong in an imported file, where the secretary will find it: spreadsheet row and column. */
public record ImportProblem(int row, String column, String message) {
    @Override
    public String toString() {
        return "Dòng " + row + (column == null ? "" : ", cột " + column) + ": " + message;
    }
}
