package vn.contest.core.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Birth dates typed as dd/mm/yyyy (also with "-" or "." and without leading zeros). */
public final class BirthDates {
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})");

    private BirthDates() {}

    /** The date, or empty when the text is not a real calendar date (31/02, 00/13...). */
    public static Optional<LocalDate> parse(String input) {
        Matcher m = DATE.matcher(input == null ? "" : input.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Completed years of age on a given day. */
    public static int ageOn(LocalDate birth, LocalDate day) {
        return java.time.Period.between(birth, day).getYears();
    }
}
