package vn.contest.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The published winners' phones: first two and last two digits, nothing else. */
class PhoneMaskTest {
    @Test
    void keepsTheFirstTwoAndTheLastTwoDigits() {
        assertEquals("09******78", PhoneMask.published("0912345678"));
        assertEquals("03******01", PhoneMask.published("0387654301"));
    }

    @Test
    void writtenWithSeparatorsOrTheCountryCodeItShowsOnlyDigits() {
        assertEquals("09******78", PhoneMask.published("0912 345 678"));
        assertEquals("84*******78", PhoneMask.published("+84 912 345 678"));
    }

    @Test
    void noneOrTooShortShowsNothingOfTheNumber() {
        assertEquals("", PhoneMask.published(null));
        assertEquals("", PhoneMask.published(""));
        assertEquals("*******", PhoneMask.published("1234567"));
    }

    @Test
    void theMiddleDigitsNeverShow() {
        String masked = PhoneMask.published("0912345678");
        for (String middle : new String[] {"1", "2", "3", "4", "5", "6"}) {
            assertFalse(masked.contains(middle), masked);
        }
    }
}
