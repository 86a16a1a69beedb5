package vn.contest.core.message;

/**
 * A button: the label a person sees and the short token that comes back when it is tapped.
 *
 * @param said what tapping it says in words, for a platform that shows a tap as the person's own message (Zalo):
 *             "Câu 3: B. Sở Nội vụ" for an answer; null when the label says it (the label is then shown)
 */
public record Choice(String token, String label, String said) {
    public Choice(String token, String label) {
        this(token, label, null);
    }

    /** The words a tap stands for: {@code said}, or the label when nothing else was given. */
    public String words() {
        return said == null || said.isBlank() ? label : said;
    }
}
