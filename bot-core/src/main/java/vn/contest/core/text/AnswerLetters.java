package vn.contest.core.text;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an option letter from what people type in a chat: "b", "B.", "B)", "đáp án B", "Đáp án: b",
 * "chọn c", "phương án D". Returns the zero-based option index.
 */
public final class AnswerLetters {
    private static final Pattern TYPED = Pattern.compile(
            "^(?:(?:dap an|chon|phuong an|tra loi|cau tra loi)\\s*(?:la)?\\s*[:\\-]?\\s*)?([a-f])\\s*[.):\\]]?$");

    private AnswerLetters() {}

    public static OptionalInt parse(String text) {
        Matcher m = TYPED.matcher(Folding.fold(text));
        return m.matches() ? OptionalInt.of(m.group(1).charAt(0) - 'a') : OptionalInt.empty();
    }

    public static char letter(int index) {
        return (char) ('A' + index);
    }
}
