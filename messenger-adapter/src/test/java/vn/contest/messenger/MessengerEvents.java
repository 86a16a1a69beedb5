package vn.contest.messenger;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook bodies shaped like the Messenger Platform's: {"object":"page","entry":[{"id","time","messaging":[...]}]},
 * written as Meta writes them, with non-ASCII characters escaped (\\u1ea1), which is what its signature covers.
 */
final class MessengerEvents {
    static final String PAGE_ID = "104729385610283";
    /** Meta escapes unicode in the bodies it signs. */
    static final JsonMapper META = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final AtomicLong CLOCK = new AtomicLong(System.currentTimeMillis());
    private static final AtomicLong MID = new AtomicLong(1);

    private MessengerEvents() {}

    /** One POST: one entry per list, each with its events. */
    @SafeVarargs
    static String batch(List<ObjectNode>... entries) {
        ObjectNode body = META.createObjectNode().put("object", "page");
        ArrayNode list = body.putArray("entry");
        for (List<ObjectNode> events : entries) {
            ObjectNode entry = list.addObject().put("id", PAGE_ID).put("time", CLOCK.incrementAndGet());
            ArrayNode messaging = entry.putArray("messaging");
            events.forEach(messaging::add);
        }
        try {
            return META.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One POST with one entry holding these events. */
    static String post(ObjectNode... events) {
        return batch(List.of(events));
    }

    static String mid() {
        return "m_" + MID.incrementAndGet() + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    }

    private static ObjectNode event(String psid) {
        ObjectNode e = META.createObjectNode();
        e.putObject("sender").put("id", psid);
        e.putObject("recipient").put("id", PAGE_ID);
        e.put("timestamp", CLOCK.incrementAndGet());
        return e;
    }

    static ObjectNode text(String psid, String text) {
        ObjectNode e = event(psid);
        e.putObject("message").put("mid", mid()).put("text", text);
        return e;
    }

    /** A tap on a quick reply: its title as the text, its payload beside it. */
    static ObjectNode quickReply(String psid, String title, String payload) {
        ObjectNode e = event(psid);
        ObjectNode m = e.putObject("message").put("mid", mid()).put("text", title);
        m.putObject("quick_reply").put("payload", payload);
        return e;
    }

    static ObjectNode postback(String psid, String title, String payload, String ref) {
        ObjectNode e = event(psid);
        ObjectNode p = e.putObject("postback").put("mid", mid()).put("title", title).put("payload", payload);
        if (ref != null) {
            p.putObject("referral").put("ref", ref).put("source", "SHORTLINK").put("type", "OPEN_THREAD");
        }
        return e;
    }

    /** The Get Started button of a new thread, with the m.me link's ref when it came through one. */
    static ObjectNode getStarted(String psid, String ref) {
        return postback(psid, "Get Started", Payloads.GET_STARTED, ref);
    }

    /** An m.me link opened in an existing thread. */
    static ObjectNode referral(String psid, String ref) {
        ObjectNode e = event(psid);
        e.putObject("referral").put("ref", ref).put("source", "SHORTLINK").put("type", "OPEN_THREAD");
        return e;
    }

    static ObjectNode echo(String psid) {
        ObjectNode e = META.createObjectNode();
        e.putObject("sender").put("id", PAGE_ID);
        e.putObject("recipient").put("id", psid);
        e.put("timestamp", CLOCK.incrementAndGet());
        e.putObject("message").put("is_echo", true).put("app_id", 1517776481860111L).put("mid", mid()).put("text", "Câu 1/4");
        return e;
    }

    static ObjectNode delivery(String psid) {
        ObjectNode e = event(psid);
        e.putObject("delivery").put("watermark", CLOCK.get()).putArray("mids").add(mid());
        return e;
    }

    static ObjectNode read(String psid) {
        ObjectNode e = event(psid);
        e.putObject("read").put("watermark", CLOCK.get());
        return e;
    }

    static ObjectNode sticker(String psid) {
        ObjectNode e = event(psid);
        ObjectNode m = e.putObject("message").put("mid", mid()).put("sticker_id", 369239263222822L);
        m.putArray("attachments").addObject().put("type", "image").putObject("payload")
                .put("url", "https://scontent.xx.fbcdn.net/sticker.png").put("sticker_id", 369239263222822L);
        return e;
    }
}
