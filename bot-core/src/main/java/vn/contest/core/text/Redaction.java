package vn.contest.core.text;

import java.util.regex.Pattern;

/**
 * Masks what could be personal data in text bound for a log: runs of 9 or more digits (phone, ID number,
 * even with separators), dates, the values a database error quotes for a key ({@code (full_name)=(...)}),
 * and anything in quotes (a name, a typed answer). Error messages pass through here before being logged.
 */
public final class Redaction {
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d .\\-]{7,}\\d");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}[/\\-.]\\d{1,2}[/\\-.]\\d{1,4}");
    private static final Pattern KEY_VALUE = Pattern.compile("\\)=\\((?!<number>\\)|<date>\\))[^)]*\\)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    private Redaction() {}

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String masked = LONG_NUMBER.matcher(DATE.matcher(text).replaceAll("<date>")).replaceAll("<number>");
        masked = KEY_VALUE.matcher(masked).replaceAll(")=(<value>)");
        return QUOTED.matcher(masked).replaceAll("<text>");
    }
}
