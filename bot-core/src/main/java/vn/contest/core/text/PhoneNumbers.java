package vn.contest.core.text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers. Accepts "0912 345 678", "0912.345.678", "+84 912345678", "84912345678" and
 * returns the national form "0912345678". Mobile prefixes since the 2018 renumbering: 03, 05, 07, 08, 09.
 */
public final class PhoneNumbers {
    private static final Pattern NATIONAL = Pattern.compile("0[35789]\\d{8}");

    private PhoneNumbers() {}

    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.strip();
        if (!digits.matches("[+\\d(][\\d .\\-()+]*")) {
            return Optional.empty();
        }
        digits = digits.replaceAll("[^\\d]", "");
        if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        } else if (digits.length() == 9) {
            digits = "0" + digits;
        }
        return NATIONAL.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** "0912345678" -> "0912***678": enough for a person to recognise their own number. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 4) + "***" + phone.substring(phone.length() - 3);
    }
}
