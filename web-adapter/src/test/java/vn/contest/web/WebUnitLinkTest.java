package vn.contest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A unit's poster link to the web chat page, naming the contest and the unit: whole only with PUBLIC_URL. No server, no database. */
class WebUnitLinkTest {
    static Optional<String> link(String publicUrl, String unit) {
        return new WebChannel(null, null, WebConfig.DEFAULTS, publicUrl, new byte[32]).unitLink("cds-2026", unit);
    }

    @Test
    void withThePublicAddressAUnitLinksToThePageWithItsCode() {
        assertEquals(Optional.of("https://thi.backan.gov.vn/thi?contest=cds-2026&unit=ba-be"), link("https://thi.backan.gov.vn", "ba-be"));
        assertEquals(Optional.of("https://thi.backan.gov.vn/cuoc-thi/thi?contest=cds-2026&unit=ba-be"), link("https://thi.backan.gov.vn/cuoc-thi/", "ba-be"),
                "a trailing slash is not doubled");
    }

    @Test
    void withoutThePublicAddressThereIsNoLink() {
        assertEquals(Optional.empty(), link(null, "ba-be"));
        assertEquals(Optional.empty(), link(" ", "ba-be"));
    }
}
