package vn.contest.core.bank.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.contest.core.bank.QuestionDraft;

/**
 * A question as the item checks see it: a row of the file being imported ({@code row} > 0), or a question already
 * in the bank ({@code bankId}), which other rows are compared with but which gets no warning of its own.
 */
public record Item(int row, long bankId, String text, List<String> options, int correctIndex, String explanation,
                   boolean practice, String factGroup, Set<ItemCheck> acknowledged) {

    public static Item of(QuestionDraft d) {
        return new Item(d.row(), 0, d.text(), d.options(), d.correctIndex(), d.explanation(), d.practice(), d.factGroup(),
                ItemCheck.Notes.parse(d.checkNotes()).acknowledged());
    }

    public static Item stored(long id, String text, List<String> options, int correctIndex, String explanation, boolean practice,
                              String factGroup) {
        return new Item(0, id, text, options, correctIndex, explanation, practice, factGroup, Set.of());
    }

    boolean inFile() {
        return row > 0;
    }

    String key() {
        return options.get(correctIndex);
    }

    List<String> wrongOptions() {
        List<String> wrong = new ArrayList<>(options);
        wrong.remove(correctIndex);
        return wrong;
    }

    /** How a warning names this question: its row, or its id in the bank. */
    String where() {
        return inFile() ? "dòng " + row : "câu mã " + bankId + " trong ngân hàng";
    }

    /** Whether two questions share a fact group, so that no paper draws both. */
    boolean sameGroup(Item other) {
        String mine = vn.contest.core.rules.PaperComposition.groupKey(factGroup);
        return mine != null && mine.equals(vn.contest.core.rules.PaperComposition.groupKey(other.factGroup));
    }
}
