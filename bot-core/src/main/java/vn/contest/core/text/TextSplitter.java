package vn.contest.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long message into parts no longer than a platform allows (Zalo 2,000 characters, Telegram
 * 4,096), at line breaks where it can, else at a space, else hard.
 */
public final class TextSplitter {
    private TextSplitter() {}

    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0) {
                cut = max;
            }
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
