package vn.contest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat page with the platforms' verification tags in its head, escaped. No server, no database. */
class HomePageTest {
    static String page(Map<String, String> meta) {
        return new String(HomePage.withMeta(meta), StandardCharsets.UTF_8);
    }

    @Test
    void theTagsGoIntoTheHeadOfTheChatPage() {
        String page = page(Map.of("zalo-platform-site-verification", "GTcnSB_B2MPytA1gfzecS7"));
        int tag = page.indexOf("<meta name=\"zalo-platform-site-verification\" content=\"GTcnSB_B2MPytA1gfzecS7\" />");
        assertTrue(tag > 0 && tag < page.indexOf("</head>"), page);
        assertTrue(page.contains("id=\"composer\""), "still the chat page");
    }

    @Test
    void withoutTagsThePageIsTheFileAsItIs() throws Exception {
        try (var in = HomePage.class.getResourceAsStream("/web/index.html")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), page(Map.of()));
        }
    }

    @Test
    void aValueCannotBreakOutOfItsAttribute() {
        String page = page(Map.of("x", "\"><script>alert(1)</script>"));
        assertFalse(page.contains("<script>alert(1)"), page);
        assertTrue(page.contains("content=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), page);
    }
}
