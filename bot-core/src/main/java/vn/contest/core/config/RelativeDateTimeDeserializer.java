package vn.contest.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contest times are either absolute ("2023-09-10T00:00:00", "2023-09-30 23:59:59") or relative to the day
 * the file is loaded ("today", "today+28d", "today-1d 08:00"), so a demo contest is always open.
 */
final class RelativeDateTimeDeserializer extends StdDeserializer<LocalDateTime> {
    private static final Pattern RELATIVE = Pattern.compile("today(?:([+-]\\d+)d)?(?:[ T](\\d{1,2}:\\d{2}(?::\\d{2})?))?");
    private final LocalDate today;

    RelativeDateTimeDeserializer(LocalDate today) {
        super(LocalDateTime.class);
        this.today = today;
    }

    @Override
    public LocalDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        String text = p.getValueAsString().strip();
        Matcher m = RELATIVE.matcher(text);
        if (m.matches()) {
            LocalDate day = m.group(1) == null ? today : today.plusDays(Long.parseLong(m.group(1)));
            LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(pad(m.group(2)));
            return day.atTime(time);
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay();
            } catch (DateTimeParseException again) {
                return (LocalDateTime) ctx.handleWeirdStringValue(LocalDateTime.class, text,
                        "expected 2023-09-10T00:00:00, 2023-09-10 or today+Nd");
            }
        }
    }

    private static String pad(String time) {
        return time.length() == 4 || time.length() == 7 ? "0" + time : time;
    }
}
