package vn.contest.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.text.PhoneNumbers;

/**
 * One item of a webhook entry's {@code messaging[]}, as the engine's {@link Inbound}, with the platform's id as the
 * event id (the engine handles an id once):
 * <ul>
 *   <li>a message: typed text, a quick reply (our token after "t:", or the number of Messenger's phone quick reply,
 *       which counts as typed: it comes from the person's account, and nothing proves it is theirs), or anything else
 *       (a sticker, a picture), which gets a polite hint; its id is {@code message.mid};</li>
 *   <li>a postback: the Get Started button (a start, with the m.me link's {@code ref} when the thread is new) or a
 *       menu item (the words it stands for); its id is {@code postback.mid};</li>
 *   <li>a referral (an m.me link with {@code ref} opened in an existing thread): a start with that ref, which names
 *       the contest and the unit ({@code <contest>-<unit>}); it has no mid, so its id is the sender and timestamp;</li>
 *   <li>echoes of the Page's own messages, deliveries, reads and anything else: ignored.</li>
 * </ul>
 */
final class MessagingEvent {
    static final String NOT_TEXT = "Xin lỗi, mình chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu trả lời hoặc bấm nút nhé.";

    private final Dialogue dialogue;

    MessagingEvent(Dialogue dialogue) {
        this.dialogue = dialogue;
    }

    void handle(JsonNode event) {
        String psid = event.path("sender").path("id").asText("");
        if (psid.isEmpty()) {
            return;
        }
        ChatRef chat = new ChatRef(MessengerChannel.ID, psid);
        String stamp = event.path("timestamp").asText("");
        if (event.path("message").isObject()) {
            message(chat, event.path("message"), stamp);
        } else if (event.path("postback").isObject()) {
            postback(chat, event.path("postback"), stamp);
        } else if (event.path("referral").isObject()) {
            String ref = event.path("referral").path("ref").asText("");
            if (!ref.isEmpty()) {
                dialogue.handle(Inbound.start(chat, "ref:" + chat.externalId() + ":" + stamp, ref));
            }
        }
        // delivery, read, optins, reactions...: nothing for the contest
    }

    private void message(ChatRef chat, JsonNode message, String stamp) {
        if (message.path("is_echo").asBoolean(false)) {
            return; // our own sends (and a Page admin's replies) come back as echoes: answering them would loop
        }
        String id = idOr(message, "msg:" + chat.externalId() + ":" + stamp);
        String text = message.path("text").asText("");
        JsonNode quickReply = message.path("quick_reply");
        if (quickReply.isObject()) {
            String payload = quickReply.path("payload").asText("");
            Optional<String> token = Payloads.tokenIn(payload);
            if (token.isPresent()) {
                dialogue.handle(Inbound.choice(chat, id, token.get()));
                return;
            }
            // Messenger's phone quick reply: the number in the payload (and the text). Not proved to be theirs.
            String phone = PhoneNumbers.normalize(payload).isPresent() ? payload : text;
            if (PhoneNumbers.normalize(phone).isPresent()) {
                dialogue.handle(Inbound.contact(chat, id, phone, false));
                return;
            }
        }
        if (!text.isBlank()) {
            dialogue.handle(Inbound.text(chat, id, text));
        } else {
            dialogue.notice(chat, id, NOT_TEXT);
        }
    }

    private void postback(ChatRef chat, JsonNode postback, String stamp) {
        String id = idOr(postback, "postback:" + chat.externalId() + ":" + stamp);
        String payload = postback.path("payload").asText("");
        if (Payloads.GET_STARTED.equals(payload)) {
            dialogue.handle(Inbound.start(chat, id, postback.path("referral").path("ref").asText("")));
            return;
        }
        Optional<String> token = Payloads.tokenIn(payload);
        if (token.isPresent()) {
            dialogue.handle(Inbound.choice(chat, id, token.get()));
            return;
        }
        // A menu item: the words it stands for; an unknown one (a menu of before) as its title, like typed text.
        String words = Payloads.wordsIn(payload).orElse(postback.path("title").asText(""));
        if (!words.isBlank()) {
            dialogue.handle(Inbound.text(chat, id, words));
        }
    }

    private static String idOr(JsonNode node, String fallback) {
        String mid = node.path("mid").asText("");
        return mid.isEmpty() ? fallback : mid;
    }
}
