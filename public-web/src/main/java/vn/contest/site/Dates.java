package vn.contest.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and durations as the public pages write them, in the contest's time zone: "08:00 ngày 07/12/2026". */
final class Dates {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Dates() {}

    static String at(Instant t, ZoneId zone) {
        return AT.format(t.atZone(zone));
    }

    static String day(Instant t, ZoneId zone) {
        return DAY.format(t.atZone(zone));
    }

    /** "3 ngày 4 giờ 5 phút" (the script adds the seconds): what is left, to the minute. */
    static String remaining(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder s = new StringBuilder();
        if (days > 0) {
            s.append(days).append(" ngày ");
        }
        if (days > 0 || hours > 0) {
            s.append(hours).append(" giờ ");
        }
        return s.append(mins).append(" phút").toString();
    }
}
