package vn.contest.core.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A score card's signature: only the server's key makes one, for one contest and one score. No database. */
class ShareLinksTest {
    static final byte[] KEY = new byte[32];
    static final byte[] OTHER = new byte[32];

    static {
        KEY[0] = 1;
        OTHER[0] = 2;
    }

    static String signature(String link) {
        return link.substring(link.indexOf("&ky=") + 4);
    }

    @Test
    void theLinksAreUnderThePublicAddress() {
        ShareLinks links = new ShareLinks("https://thi.backan.gov.vn/", KEY);
        assertEquals("https://thi.backan.gov.vn/c/cds-2026/chia-se", links.participated("cds-2026"));
        String scored = links.withScore("cds-2026", 8, 10);
        assertEquals(true, scored.startsWith("https://thi.backan.gov.vn/c/cds-2026/chia-se?diem=8-10&ky="), scored);
    }

    @Test
    void onlyTheScoreTheKeySignedForThisContestVerifies() {
        String sig = signature(new ShareLinks("https://x.vn", KEY).withScore("cds-2026", 8, 10));
        assertEquals(Optional.of(new ShareLinks.Score(8, 10)), ShareLinks.verified(KEY, "cds-2026", "8-10", sig));
        assertEquals(Optional.empty(), ShareLinks.verified(KEY, "cds-2026", "10-10", sig), "another score");
        assertEquals(Optional.empty(), ShareLinks.verified(KEY, "luat-2026", "8-10", sig), "another contest");
        assertEquals(Optional.empty(), ShareLinks.verified(OTHER, "cds-2026", "8-10", sig), "another key");
        assertEquals(Optional.empty(), ShareLinks.verified(KEY, "cds-2026", "8-10", sig.substring(1)), "a cut signature");
        assertEquals(Optional.empty(), ShareLinks.verified(KEY, "cds-2026", "8-10", null));
        assertEquals(Optional.empty(), ShareLinks.verified(KEY, "cds-2026", "11-10", signature(new ShareLinks("https://x.vn", KEY)
                .withScore("cds-2026", 11, 10))), "more right than asked");
        assertEquals(Optional.empty(), ShareLinks.verified(KEY, "cds-2026", "99999999999-1", sig), "not a number it could sign");
    }
}
