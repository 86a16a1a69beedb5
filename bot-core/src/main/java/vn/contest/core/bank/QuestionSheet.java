package vn.contest.core.bank;

import java.util.List;

/** The rows of an imported file, or the problems that kept it from being read at all. */
record QuestionSheet(List<SheetRow> rows, List<ImportProblem> problems) {
    static QuestionSheet unreadable(String message) {
        return new QuestionSheet(List.of(), List.of(new ImportProblem(1, null, message)));
    }
}
