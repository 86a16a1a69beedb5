package vn.contest.core.bank.review;

/** One item check's warning on a row of an imported file: shown to the drafting team, never a reason to refuse it. */
public record ItemWarning(int row, ItemCheck check, String message) {
    /** The name a row writes in "Ghi chú kiểm tra" to acknowledge this warning. */
    public String checkTitle() {
        return check.title;
    }

    @Override
    public String toString() {
        return "Dòng " + row + " (" + check.title + "): " + message;
    }
}
