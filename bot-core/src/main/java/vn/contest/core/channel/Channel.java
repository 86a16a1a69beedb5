package vn.contest.core.channel;

import java.util.List;
import java.util.Optional;
import vn.contest.core.outbox.Sender;
import vn.contest.core.verify.CodeSender;

/**
 * One way participants reach the contest (the web page, Telegram, Zalo...), as the app wires it: the routes
 * it adds to the HTTP server, the sender the outbox dispatcher uses, its background work, and what an
 * operator must act on. {@code R} is the server's route configuration, which bot-core does not know.
 * Adding a channel is a module implementing this and one line in {@code App.channels}.
 */
public interface Channel<R> extends AutoCloseable {
    /** The channel's code in chats and in the outbox: "web", "telegram", "zalo". */
    String id();

    /** Its name for the committee, in Vietnamese. */
    String label();

    /** Adds its routes (webhooks, pages) to the server. */
    void install(R routes);

    Sender sender();

    /** A way to send one-time codes to phone numbers, if this channel has one (Zalo's ZNS). */
    default Optional<CodeSender> codeSender() {
        return Optional.empty();
    }

    /**
     * How long after a person last wrote the platform still takes a message to them (Zalo: 7 days), or empty
     * when it has no such limit. Reminders skip, and count, the people outside it.
     */
    default Optional<java.time.Duration> replyWindow() {
        return Optional.empty();
    }

    /**
     * The link a unit's poster or portal gives for this channel, carrying the unit's code so that whoever
     * comes through it is recorded for that unit (the dialogue's start command); empty when the channel has
     * no such link or its address is not configured. The admin web shows these links and their QR codes.
     */
    default Optional<String> unitLink(String unitCode) {
        return Optional.empty();
    }

    /** Starts background work (polling, token refresh) once the server runs. */
    default void start() {}

    /** Problems an operator must act on now (a failed token refresh...); empty when all is well. */
    default List<Alert> alerts() {
        return List.of();
    }

    @Override
    default void close() {}
}
