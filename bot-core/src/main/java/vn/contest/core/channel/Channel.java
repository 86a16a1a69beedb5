package vn.contest.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.contest.core.check.Check;
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
     * How long after a person last wrote this channel still writes to them unprompted (reminders, announcements),
     * or empty when it has no such limit: the platform's own limit, or a shorter one where messages past it cost
     * the organiser money and the committee has not accepted that (Zalo: free for 48 hours, paid up to 7 days).
     * Reminders and announcements skip, and count, the people outside it.
     */
    default Optional<java.time.Duration> replyWindow() {
        return Optional.empty();
    }

    /**
     * The link a unit's poster or portal gives for this channel, carrying the contest's and the unit's codes
     * ({@link vn.contest.core.contest.StartLink}) so that whoever comes through it lands in that contest and is
     * recorded for that unit (the dialogue's start command); empty when the channel has no such link or its
     * address is not configured. The admin web shows these links and their QR codes.
     */
    default Optional<String> unitLink(String contestCode, String unitCode) {
        return Optional.empty();
    }

    /**
     * The link a public page (a contest's landing page) gives to take part on this channel: the unit's link
     * ({@link #unitLink}) when {@code unitCode} is given, else one naming the contest alone. It may be relative to
     * the site (the web page without PUBLIC_URL), and may carry no unit where the platform has no such link (a
     * Zalo OA's address): the page then tells the person what to send. Empty when the channel has no address to
     * give.
     */
    default Optional<String> joinLink(String contestCode, Optional<String> unitCode) {
        return unitCode.flatMap(u -> unitLink(contestCode, u));
    }

    /**
     * Meta tags the platform wants on the site's home page (name to content), such as a domain verification
     * its console asks for; the web channel, which serves the home page, writes them into its head.
     */
    default Map<String, String> homePageMeta() {
        return Map.of();
    }

    /**
     * How a page this platform opens inside its own app proves which of its chats opened it (Telegram's Mini
     * App), if the channel offers such a page; the web channel then serves the page as that chat.
     */
    default Optional<PageIdentity> pageIdentity() {
        return Optional.empty();
    }

    /**
     * What can be checked of this channel without a participant (its credentials, its webhook's registration,
     * its templates), one {@link Check} each, OK or with what to do. It calls the platform, so it runs on demand
     * only (the {@code doctor} command, the admin web's "Kiểm tra kết nối").
     */
    default List<Check> checks() {
        return List.of();
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
