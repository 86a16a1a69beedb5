package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The texts filled in by hand read exactly as String.format writes them: every template, every kind of value. No database. */
class TextsFormatTest {
    private static final Pattern CONVERSION = Pattern.compile("%([-0-9.,]*)([a-zA-Z%])");

    @Test
    void everyTemplateReadsAsStringFormatWritesIt() throws IllegalAccessException {
        int templates = 0;
        for (Field f : Texts.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            f.setAccessible(true);
            String template = (String) f.get(null);
            if (template == null || !template.contains("%")) {
                continue;
            }
            templates++;
            for (List<Object> args : argumentsFor(template)) {
                assertEquals(String.format(Locale.ROOT, template, args.toArray()), Texts.format(template, args.toArray()), f.getName());
            }
        }
        assertTrue(templates > 50, "the templates were found: " + templates);
    }

    @Test
    void whatTheShortcutDoesNotTakeGoesToStringFormat() {
        assertEquals("50% của 3", Texts.format("50%% của %d", 3));
        assertEquals("007", Texts.format("%03d", 7));
        assertEquals("null và 1.5", Texts.format("%s và %s", null, 1.5));
        assertEquals("tỉnh Bắc Kạn", Texts.format("tỉnh %s", "Bắc Kạn", "thừa"));
        assertThrows(java.util.MissingFormatArgumentException.class, () -> Texts.format("%s và %s", "một"));
        assertThrows(java.util.IllegalFormatConversionException.class, () -> Texts.format("%d", "ba"));
    }

    @Test
    void durationsReadAsBefore() {
        for (long s : new long[] {0, 5, 59, 60, 61, 605, 3599, 3600, 3661, 7325, 86_399, -3}) {
            String expected = Math.max(0, s) >= 3600 ? String.format(Locale.ROOT, "%d giờ %02d phút", s / 3600, (s % 3600) / 60)
                    : Math.max(0, s) >= 60 ? String.format(Locale.ROOT, "%d phút %02d giây", s / 60, s % 60)
                    : Math.max(0, s) + " giây";
            assertEquals(expected, Texts.duration(Duration.ofSeconds(s)), s + " s");
        }
    }

    /** Values of each conversion's kind: plain, with Vietnamese letters, negative, large, empty. */
    private static List<List<Object>> argumentsFor(String template) {
        List<Character> kinds = new ArrayList<>();
        Matcher m = CONVERSION.matcher(template);
        while (m.find()) {
            if (m.group(2).charAt(0) != '%') {
                kinds.add(m.group(2).charAt(0));
            }
        }
        List<List<Object>> sets = new ArrayList<>();
        Object[][] samples = {{"Sở Nội vụ", 3}, {"", -12}, {"50% đúng", 2_000_000_000L}};
        for (Object[] sample : samples) {
            List<Object> args = new ArrayList<>();
            for (char k : kinds) {
                args.add(k == 'd' ? sample[1] : sample[0]);
            }
            sets.add(args);
        }
        return sets;
    }
}
