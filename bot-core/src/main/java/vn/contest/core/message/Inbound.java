package vn.contest.core.message;

/**
 * What a person sent, whatever the channel. Exactly one of {@code text}, {@code choice}, {@code sharedPhone}
 * or {@code startPayload} usually carries the content. {@code eventId} is the platform's id of the event:
 * the same id twice is handled once.
 *
 * @param choice        the token of a button the person tapped
 * @param sharedPhone   a phone number shared through the platform (for example a Telegram contact)
 * @param phoneVerified true when the platform vouches that the shared phone is the sender's own
 * @param startPayload  the payload of a start link (a unit code), or "" for a bare start
 * @param sourceRef     the platform's id of the message whose button was tapped, where it can be edited later
 * @param clientAddress the sender's network address where the channel knows it (the web), else null
 */
public record Inbound(ChatRef chat, String eventId, String text, String choice, String sharedPhone,
                      boolean phoneVerified, String startPayload, String sourceRef, String clientAddress) {

    public Inbound(ChatRef chat, String eventId, String text, String choice, String sharedPhone, boolean phoneVerified,
                   String startPayload, String sourceRef) {
        this(chat, eventId, text, choice, sharedPhone, phoneVerified, startPayload, sourceRef, null);
    }

    /** The same message, sent from this address. */
    public Inbound from(String address) {
        return new Inbound(chat, eventId, text, choice, sharedPhone, phoneVerified, startPayload, sourceRef, address);
    }

    public static Inbound text(ChatRef chat, String eventId, String text) {
        return new Inbound(chat, eventId, text, null, null, false, null, null);
    }

    public static Inbound choice(ChatRef chat, String eventId, String token) {
        return new Inbound(chat, eventId, null, token, null, false, null, null);
    }

    /** A button tapped on a message the platform can edit afterwards (its id in {@code sourceRef}). */
    public static Inbound tap(ChatRef chat, String eventId, String token, String sourceRef) {
        return new Inbound(chat, eventId, null, token, null, false, null, sourceRef);
    }

    public static Inbound start(ChatRef chat, String eventId, String payload) {
        return new Inbound(chat, eventId, null, null, null, false, payload == null ? "" : payload, null);
    }

    public static Inbound contact(ChatRef chat, String eventId, String phone, boolean verified) {
        return new Inbound(chat, eventId, null, null, phone, verified, null, null);
    }
}
