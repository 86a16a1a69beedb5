package vn.contest.core.bank.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.contest.core.text.Folding;

/**
 * The item checks the importer runs for the drafting team. Each finds a cue a test-wise participant could use or
 * a question that gives another away; it warns beside the row and never stops an import. A row acknowledges a
 * warning it keeps on purpose by naming the check (its {@link #title}) in the file's "Ghi chú kiểm tra" column.
 */
public enum ItemCheck {
    /** The keyed option is much longer than the wrong ones: "pick the longest" finds it. */
    LONG_KEY("đáp án dài", "dap an dai nhat", "dap an qua dai"),
    /** Every wrong option is an absolute ("Chỉ…", "riêng…", "bất kỳ…") and the key is not: absolutes are guessed wrong. */
    ABSOLUTE_DISTRACTORS("phương án tuyệt đối", "tuyet doi", "phuong an chi"),
    /** A stem holds a contest question's correct option: one question answers the other. */
    KEY_IN_ANOTHER_STEM("lộ đáp án", "lo dap an cau khac"),
    /** A practice question's explanation or key states a contest question's key, and practice shows both at any time. */
    PRACTICE_STATES_KEY("luyện tập lộ đáp án", "luyen tap lo dap an thi"),
    /** Two stems say nearly the same thing: one is a duplicate, or the two belong in one fact group. */
    NEAR_DUPLICATE("gần trùng", "gan giong", "trung lap");

    /** What the drafting team writes in "Ghi chú kiểm tra" to acknowledge the warning. */
    public final String title;
    private final List<String> names;

    ItemCheck(String title, String... aliases) {
        this.title = title;
        List<String> all = new ArrayList<>(List.of(Folding.fold(title)));
        all.addAll(List.of(aliases));
        this.names = List.copyOf(all);
    }

    public static Optional<ItemCheck> named(String name) {
        String folded = Folding.fold(name);
        for (ItemCheck c : values()) {
            if (c.names.contains(folded)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every check's title, as a list to show the drafting team. */
    public static String titles() {
        return String.join("; ", java.util.Arrays.stream(values()).map(c -> "\"" + c.title + "\"").toList());
    }

    /**
     * A "Ghi chú kiểm tra" cell read: the checks it names, and any name that is not a check. Entries are separated by
     * ";" or a line break, and each may give its reason after a colon: {@code đáp án dài: nguyên văn của Luật}.
     */
    public record Notes(Set<ItemCheck> acknowledged, List<String> unknown) {
        public static Notes parse(String cell) {
            Set<ItemCheck> named = EnumSet.noneOf(ItemCheck.class);
            List<String> unknown = new ArrayList<>();
            if (cell != null) {
                for (String entry : cell.split("[;\\n]")) {
                    int colon = entry.indexOf(':');
                    String name = (colon < 0 ? entry : entry.substring(0, colon)).strip();
                    if (name.isEmpty()) {
                        continue;
                    }
                    named(name).ifPresentOrElse(named::add, () -> unknown.add(name));
                }
            }
            return new Notes(Set.copyOf(named), List.copyOf(unknown));
        }
    }
}
