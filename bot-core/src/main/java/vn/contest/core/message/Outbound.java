package vn.contest.core.message;

import java.time.Instant;
import java.util.List;

/**
 * A reply to one chat, channel-neutral; each adapter's Sender renders it natively.
 *
 * @param choices      buttons to offer (the text also says how to answer by typing)
 * @param requestPhone offer the platform's "share my phone number" button where there is one
 * @param deadline     for a question: when the paper's time runs out, so a page can show a countdown
 * @param kind         {@link #QUESTION} for an exam question, {@link #EDIT} to change an earlier message, else {@link #TEXT}
 * @param editRef      for an edit: the platform's id of the message to change (from {@link Inbound#sourceRef()}); on
 *                     a text or a question: the message it takes the place of, changed in place (see {@link #replaces()})
 */
public record Outbound(ChatRef chat, String text, List<Choice> choices, boolean requestPhone, Instant deadline, String kind,
                       String editRef) {
    public static final String TEXT = "text";
    public static final String QUESTION = "question";
    /** Replace the text of message {@code editRef} with {@code text} and drop its buttons; null text drops the buttons only. */
    public static final String EDIT = "edit";
    /** The chat has left (for a shared computer): a page forgets the session that named it. */
    public static final String LOGOUT = "logout";

    public Outbound {
        choices = choices == null ? List.of() : List.copyOf(choices);
        kind = kind == null ? TEXT : kind;
    }

    public Outbound(ChatRef chat, String text, List<Choice> choices, boolean requestPhone, Instant deadline, String kind) {
        this(chat, text, choices, requestPhone, deadline, kind, null);
    }

    public static Outbound edit(ChatRef chat, String editRef, String text) {
        return new Outbound(chat, text, List.of(), false, null, EDIT, editRef);
    }

    public boolean isEdit() {
        return EDIT.equals(kind);
    }

    /**
     * Whether this message is shown by changing an earlier one (the tapped question, when it was the chat's newest) in
     * place rather than sent as a new one: one platform call for the answer's mark and the next message together.
     */
    public boolean replaces() {
        return editRef != null && !isEdit();
    }
}
