package vn.contest.core.text;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prediction is a whole number of people. Vietnamese writes thousands with dots ("1.234"); people also
 * type "1,234", "1 234" or "1234 người".
 */
public final class PredictionNumbers {
    private static final Pattern NUMBER = Pattern.compile(
            "^(?:khoang|du doan|toi du doan)?\\s*:?\\s*(\\d{1,3}(?:[., ]\\d{3})+|\\d+)\\s*(?:nguoi|luot|nguoi du thi)?\\.?$");
    public static final long MAX = 100_000_000L;

    private PredictionNumbers() {}

    public static OptionalLong parse(String text) {
        Matcher m = NUMBER.matcher(Folding.fold(text));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        String digits = m.group(1).replaceAll("[., ]", "");
        if (digits.length() > 9) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(digits);
        return value <= MAX ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
