package vn.contest.zalo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.SendResult;
import vn.contest.core.outbox.Sender;
import vn.contest.core.text.TextSplitter;

/**
 * Renders replies as OA consultation messages: text of at most 2,000 characters (longer text split on line
 * boundaries), up to five "oa.query.show" buttons, and the request_user_info card (with its picture) when the
 * phone is asked. Zalo shows a button's payload as the person's own message, so a payload is what the tap says
 * ("Câu 3: B. Sở Nội vụ"), and its token is kept on the server ({@link TapTexts}). Zalo cannot edit a sent
 * message, so edits are skipped. Refusals are classified by {@link ZaloRefusals}.
 */
public final class ZaloSender implements Sender {
    static final int MAX_TEXT = 2000;
    static final int MAX_BUTTONS = 5;
    static final int MAX_TITLE = 100;
    /**
     * The payload prefix of buttons sent before payloads were words: a tap on such an old message still arrives
     * as "#qz " and a token, read as before (and checked by the engine like any token).
     */
    static final String LEGACY_PAYLOAD_PREFIX = "#qz ";

    private final ZaloApi api;
    private final TapTexts taps;
    private final Optional<String> cardImage;
    private final Clock clock;

    ZaloSender(ZaloApi api, TapTexts taps, Optional<String> cardImage, Clock clock) {
        this.api = api;
        this.taps = taps;
        this.cardImage = cardImage;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return ZaloWebhook.CHANNEL;
    }

    @Override
    public double messagesPerSecond() {
        // For every instance together (SharedPace): 3,000 messages a minute under Zalo's 4,000 OA API calls a minute
        // per app, the rest left for a long text's second part, the phone card and the user look-ups.
        return 50;
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
                List<Choice> buttons = last && message.choices().size() <= MAX_BUTTONS ? message.choices() : List.of();
                // Written before the message goes: a tap can come back the moment it arrives.
                taps.remember(userId, buttons);
                ZaloApi.Reply reply = api.sendMessage(body(userId, parts.get(i), buttons));
                if (!reply.ok()) {
                    return ZaloRefusals.classify(reply, clock);
                }
            }
            if (message.requestPhone()) {
                ZaloApi.Reply reply = api.sendMessage(requestUserInfo(userId, cardImage));
                if (!reply.ok()) {
                    return ZaloRefusals.classify(reply, clock);
                }
            }
            return SendResult.sent();
        } catch (IOException | IllegalStateException e) {
            return new SendResult.Retry(null, "zalo: " + e.getMessage());
        }
    }

    /** A text with up to five buttons; more choices than that (a long list of units, a six-option question) are typed. */
    static ObjectNode body(String userId, String text, List<Choice> choices) {
        ObjectNode body = ZaloApi.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode message = body.putObject("message");
        message.put("text", text);
        if (!choices.isEmpty() && choices.size() <= MAX_BUTTONS) {
            ArrayNode buttons = message.putObject("attachment").put("type", "template").putObject("payload").putArray("buttons");
            for (Choice c : choices) {
                String title = c.label().length() > MAX_TITLE ? c.label().substring(0, MAX_TITLE - 1) + "…" : c.label();
                buttons.addObject().put("title", title).put("type", "oa.query.show").put("payload", TapTexts.payload(c));
            }
        }
        return body;
    }

    /**
     * Zalo's share-info card, one element, with a picture: Zalo's SDK sample sends one, and a partner who passes the
     * payload through marks it required (PNG or JPG over HTTPS).
     */
    static ObjectNode requestUserInfo(String userId, Optional<String> image) {
        ObjectNode body = ZaloApi.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode payload = body.putObject("message").putObject("attachment").put("type", "template").putObject("payload");
        payload.put("template_type", "request_user_info");
        ObjectNode element = payload.putArray("elements").addObject()
                .put("title", "Chia sẻ số điện thoại để đăng ký dự thi")
                .put("subtitle", "Bấm vào đây để gửi số điện thoại Zalo của bạn cho Ban Tổ chức, hoặc gõ số điện thoại.");
        image.ifPresent(url -> element.put("image_url", url));
        return body;
    }
}
