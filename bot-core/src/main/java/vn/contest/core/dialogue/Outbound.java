package vn.contest.core.dialogue;

import java.time.Instant;
import java.util.List;

/**
 * A reply to one chat, channel-neutral; each adapter's Sender renders it natively.
 *
 * @param choices      buttons to offer (the text also says how to answer by typing)
 * @param requestPhone offer the platform's "share my phone number" button where there is one
 * @param deadline     for a question: when the paper's time runs out, so a page can show a countdown
 * @param kind         "question" for an exam question (adapters may strip its buttons once answered), else "text"
 */
public record Outbound(ChatRef chat, String text, List<Choice> choices, boolean requestPhone, Instant deadline, String kind) {
    public static final String TEXT = "text";
    public static final String QUESTION = "question";

    public Outbound {
        choices = choices == null ? List.of() : List.copyOf(choices);
        kind = kind == null ? TEXT : kind;
    }
}
