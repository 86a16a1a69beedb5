package vn.contest.core.rules;

/**
 * What the public may read of a winner's phone on the published prize list, as Vietnamese contest sites print it:
 * the first two and the last two digits, every digit between them a star ({@code 0912345678} gives
 * {@code 09******78}). Enough for a winner to recognise their own line among namesakes, too little to call them.
 */
public final class PhoneMask {
    /** Fewer digits than this and the ends would give away too much of the number: nothing is shown. */
    static final int SHORTEST_SHOWN = 8;

    private PhoneMask() {}

    /** The published form of {@code phone}; empty for none, only stars for a number too short to show its ends. */
    public static String published(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return "";
        }
        if (digits.length() < SHORTEST_SHOWN) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 2) + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 2);
    }
}
