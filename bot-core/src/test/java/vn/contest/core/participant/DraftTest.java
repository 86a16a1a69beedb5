package vn.contest.core.participant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An empty draft is stored as {} without Jackson: every answer a person gives must make it non-empty. */
class DraftTest {
    @Test
    void anyAnswerGivenMakesTheDraftNonEmpty() throws Exception {
        assertTrue(new Draft().isEmpty());
        int fields = 0;
        for (Field f : Draft.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Draft d = new Draft();
            Class<?> t = f.getType();
            Object value = t == String.class ? (Object) "x" : t == LocalDate.class ? (Object) LocalDate.EPOCH
                    : t == Integer.class ? (Object) Integer.valueOf(1) : t == Long.class ? (Object) Long.valueOf(1) : null;
            f.set(d, value);
            assertFalse(d.isEmpty(), f.getName() + " set, yet the draft counts as empty (its answer would be lost)");
            fields++;
        }
        assertTrue(fields >= 8, "fields checked: " + fields);
    }
}
