package vn.contest.core.text;

import java.util.regex.Pattern;

/**
 * Masks what could be personal data in text bound for a log: runs of 9 or more digits (phone, ID number,
 * even with separators) and dates. Database errors quote the values they choke on, so their messages pass
 * through here before being logged.
 */
public final class Redaction {
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d .\\-]{7,}\\d");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}[/\\-.]\\d{1,2}[/\\-.]\\d{1,4}");

    private Redaction() {}

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        return LONG_NUMBER.matcher(DATE.matcher(text).replaceAll("<date>")).replaceAll("<number>");
    }
}
