package vn.contest.zalo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.SendResult;
import vn.contest.core.outbox.Sender;
import vn.contest.core.text.TextSplitter;

/**
 * Renders replies as OA consultation messages: text of at most 2,000 characters (longer text split on line
 * boundaries), up to five "oa.query.show" buttons whose payload carries a prefix people would not type, and
 * the request_user_info card when the phone is asked. Zalo cannot edit a sent message, so edits are skipped.
 */
public final class ZaloSender implements Sender {
    static final int MAX_TEXT = 2000;
    static final int MAX_BUTTONS = 5;
    static final int MAX_TITLE = 100;
    /** The prefix of a button's payload: a tap arrives as this text, which nobody types by accident. */
    static final String PAYLOAD_PREFIX = "#qz ";
    /** The user is outside the 7-day window, blocked the OA, was banned... retrying cannot help. */
    static final Set<Integer> UNDELIVERABLE = Set.of(-213, -217, -227, -230, -232, -244);
    static final Set<Integer> RATE_LIMITED = Set.of(-32);

    private final ZaloApi api;

    ZaloSender(ZaloApi api) {
        this.api = api;
    }

    @Override
    public String channel() {
        return ZaloWebhook.CHANNEL;
    }

    @Override
    public double messagesPerSecond() {
        return 50; // Zalo allows 4,000 OA API requests a minute per app
    }

    @Override
    public SendResult send(Outbound message) {
        if (message.isEdit()) {
            return SendResult.sent();
        }
        String userId = message.chat().externalId();
        try {
            List<String> parts = TextSplitter.split(message.text(), MAX_TEXT);
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                ZaloApi.Reply reply = api.sendMessage(body(userId, parts.get(i), last ? message.choices() : List.of()));
                if (!reply.ok()) {
                    return classify(reply);
                }
            }
            if (message.requestPhone()) {
                ZaloApi.Reply reply = api.sendMessage(requestUserInfo(userId));
                if (!reply.ok()) {
                    return classify(reply);
                }
            }
            return SendResult.sent();
        } catch (IOException | IllegalStateException e) {
            return new SendResult.Retry(null, "zalo: " + e.getMessage());
        }
    }

    static ObjectNode body(String userId, String text, List<Choice> choices) {
        ObjectNode body = ZaloApi.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode message = body.putObject("message");
        message.put("text", text);
        // More than five choices (a long list of units, a six-option question): typed numbers or letters only.
        if (!choices.isEmpty() && choices.size() <= MAX_BUTTONS) {
            ArrayNode buttons = message.putObject("attachment").put("type", "template").putObject("payload").putArray("buttons");
            for (Choice c : choices) {
                String title = c.label().length() > MAX_TITLE ? c.label().substring(0, MAX_TITLE - 1) + "…" : c.label();
                buttons.addObject().put("title", title).put("type", "oa.query.show").put("payload", PAYLOAD_PREFIX + c.token());
            }
        }
        return body;
    }

    static ObjectNode requestUserInfo(String userId) {
        ObjectNode body = ZaloApi.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode payload = body.putObject("message").putObject("attachment").put("type", "template").putObject("payload");
        payload.put("template_type", "request_user_info");
        payload.putArray("elements").addObject()
                .put("title", "Chia sẻ số điện thoại để đăng ký dự thi")
                .put("subtitle", "Bấm vào đây để gửi số điện thoại Zalo của bạn cho Ban Tổ chức, hoặc gõ số điện thoại.");
        return body;
    }

    static SendResult classify(ZaloApi.Reply reply) {
        String reason = reply.error() + " " + reply.message();
        if (UNDELIVERABLE.contains(reply.error())) {
            return new SendResult.Undeliverable(reason);
        }
        if (RATE_LIMITED.contains(reply.error()) || ZaloApi.TOKEN_ERRORS.contains(reply.error())) {
            return new SendResult.Retry(RATE_LIMITED.contains(reply.error()) ? Duration.ofSeconds(30) : null, reason);
        }
        // Anything else (-201 invalid field, -210 too long...) will fail the same way again.
        return new SendResult.Undeliverable(reason);
    }
}
