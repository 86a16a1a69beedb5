package vn.contest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.json.JavalinJackson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.Choice;

/**
 * The pieces of the answer route written by hand for speed say exactly what the library calls they replaced did:
 * the page's messages as Javalin's JSON mapper writes them, the {@code after} parameter as Javalin reads a query,
 * the cookie's shape as its pattern. No server, no database.
 */
class WebAnswerFormatTest {
    private static final String COOKIE_SHAPE = "[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}";

    @Test
    void messagesAreWrittenAsJavalinsMapperWritesThem() {
        List<WebMessage> messages = List.of(
                new WebMessage(41, "Câu 3/20: “Sở Nội vụ” thuộc \"cơ quan\" nào?\nChọn một đáp án:\t\\ </script>",
                        List.of(new Choice("a:3:0", "A. Sở Nội vụ", "Câu 3: A. Sở Nội vụ"), new Choice("a:3:1", "B. UBND tỉnh")),
                        "question", 1_765_000_000_123L),
                new WebMessage(42, null, null, null, null),
                new WebMessage(9_007_199_254_740_993L, "", List.of(), "logout", null));
        for (List<WebMessage> list : List.of(messages, List.<WebMessage>of(), messages.subList(1, 2))) {
            String expected = new JavalinJackson().toJsonString(Map.of("messages", list), Map.class);
            assertEquals(expected, new String(WebMessage.json(list), StandardCharsets.UTF_8));
        }
    }

    @Test
    void afterIsReadFromTheQueryAsJavalinReadsIt() {
        assertEquals("17", WebChannel.queryParam("after=17", "after"));
        assertEquals("17", WebChannel.queryParam("x=1&after=17&after=18", "after"), "the first of two");
        assertEquals("17", WebChannel.queryParam("%61fter=%31%37", "after"), "decoded, name and value");
        assertEquals("", WebChannel.queryParam("after", "after"));
        assertEquals("", WebChannel.queryParam("after=", "after"));
        assertEquals("a b", WebChannel.queryParam("after=a+b", "after"));
        assertNull(WebChannel.queryParam("afterwards=1", "after"));
        assertNull(WebChannel.queryParam(null, "after"));
        assertEquals("%zz", WebChannel.queryParam("after=%zz", "after"), "a malformed escape as it came, for the digits check to refuse");
    }

    @Test
    void theCookieShapeIsThePatternsShape() {
        String part = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_x";
        String good = part + "." + part;
        assertTrue(good.matches(COOKIE_SHAPE));
        assertTrue(WebSession.wellShaped(good));
        for (String bad : List.of("", good + "a", good.substring(1), part + "x" + part, part + ".." + part.substring(1),
                part.replace('x', '=') + "." + part, part + "." + part.replace('a', '+'), part + "." + part.replace('a', 'ă'))) {
            assertFalse(bad.matches(COOKIE_SHAPE), bad);
            assertFalse(WebSession.wellShaped(bad), bad);
        }
    }
}
