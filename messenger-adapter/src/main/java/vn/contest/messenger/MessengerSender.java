package vn.contest.messenger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.SendResult;
import vn.contest.core.outbox.Sender;
import vn.contest.core.text.TextSplitter;

/**
 * Renders replies for the Send API: text of at most 2,000 characters (longer text split on line boundaries), the
 * options as quick replies on the last part (at most 13, titles of at most 20 characters; the text always lists
 * the options too, so past 13 the rest are typed), and Messenger's phone quick reply when the phone is asked.
 * Messenger cannot edit a sent message, so edits are skipped. Refusals are classified by {@link MessengerRefusals}.
 */
public final class MessengerSender implements Sender {
    static final int MAX_TEXT = 2000;
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_TITLE = 20;

    private final MessengerApi api;

    MessengerSender(MessengerApi api) {
        this.api = api;
    }

    @Override
    public String channel() {
        return MessengerChannel.ID;
    }

    /** For every instance together (SharedPace): a third of the Send API's 300 calls a second per Page. */
    @Override
    public double messagesPerSecond() {
        return 100;
    }

    @Override
    public SendResult send(Outbound message) {
        if (message.isEdit()) {
            return SendResult.sent();
        }
        String psid = message.chat().externalId();
        try {
            List<String> parts = TextSplitter.split(message.text(), MAX_TEXT);
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                MessengerApi.Reply reply = api.send(body(psid, parts.get(i), last ? message.choices() : List.of(),
                        last && message.requestPhone()));
                if (!reply.ok()) {
                    return MessengerRefusals.classify(reply);
                }
            }
            return SendResult.sent();
        } catch (IOException e) {
            return new SendResult.Retry(null, "messenger: " + e.getMessage());
        }
    }

    /**
     * One text message to {@code psid}, as a reply (RESPONSE: within the 24-hour window, which is the only time this
     * channel writes), with the phone quick reply first when asked and then as many options as fit.
     */
    static ObjectNode body(String psid, String text, List<Choice> choices, boolean askPhone) {
        ObjectNode body = MessengerApi.JSON.createObjectNode();
        body.putObject("recipient").put("id", psid);
        body.put("messaging_type", "RESPONSE");
        ObjectNode message = body.putObject("message");
        message.put("text", text == null || text.isEmpty() ? " " : text);
        if (askPhone || !choices.isEmpty()) {
            ArrayNode replies = message.putArray("quick_replies");
            if (askPhone) {
                replies.addObject().put("content_type", "user_phone_number");
            }
            for (Choice c : choices) {
                if (replies.size() == MAX_QUICK_REPLIES) {
                    break;
                }
                replies.addObject().put("content_type", "text").put("title", title(c.label())).put("payload", Payloads.token(c.token()));
            }
        }
        return body;
    }

    /** A label within Messenger's 20 characters (counted as characters people see, not UTF-16 units). */
    static String title(String label) {
        String l = label.strip();
        if (l.codePointCount(0, l.length()) <= MAX_TITLE) {
            return l;
        }
        return l.substring(0, l.offsetByCodePoints(0, MAX_TITLE - 1)).stripTrailing() + "…";
    }
}
