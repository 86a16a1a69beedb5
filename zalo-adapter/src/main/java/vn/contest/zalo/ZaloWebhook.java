package vn.contest.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.message.ChatRef;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.Inbound;
import vn.contest.core.store.Faults;
import vn.contest.core.text.Redaction;

/**
 * POST /webhooks/zalo. Signed events only (401 otherwise, nothing stored); 400 for a body that is not an
 * event; 200 once the event's turn has committed (the answer and its replies are stored), which takes
 * milliseconds: Zalo wants an answer within two seconds and sends an unanswered event again.
 * Events are deduplicated on message.msg_id (follows: event name, follower and timestamp).
 */
public final class ZaloWebhook implements AutoCloseable {
    public static final String PATH = "/webhooks/zalo";
    public static final String CHANNEL = "zalo";
    static final String NOT_TEXT = "Xin lỗi, mình chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu trả lời hoặc bấm nút nhé.";
    static final int MAX_BODY = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ZaloWebhook.class);

    private final ZaloConfig config;
    private final Dialogue dialogue;
    private final ZaloApi api;
    private final TapTexts taps;
    /** Reading a shared phone takes a call to Zalo; it runs beside the webhook's answer, not inside it. */
    private final ExecutorService lookups = new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000), r -> {
        Thread t = new Thread(r, "zalo-user-detail");
        t.setDaemon(true);
        return t;
    });

    /** How far ahead of our clock an event's timestamp may be (clocks drift a little). */
    static final java.time.Duration MAX_AHEAD = java.time.Duration.ofMinutes(5);

    private final java.time.Clock clock;

    ZaloWebhook(ZaloConfig config, Dialogue dialogue, ZaloApi api, TapTexts taps, java.time.Clock clock) {
        this.config = config;
        this.dialogue = dialogue;
        this.api = api;
        this.taps = taps;
        this.clock = clock;
    }

    /**
     * A signed event older than Zalo's retries, or from the future, is a replay: acknowledged (so it is not
     * sent again) and ignored.
     */
    private boolean stale(String timestamp) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return true;
        }
        java.time.Instant at = java.time.Instant.ofEpochMilli(sent);
        java.time.Instant now = clock.instant();
        return at.isBefore(now.minus(config.maxEventAge())) || at.isAfter(now.plus(MAX_AHEAD));
    }

    public void install(JavalinConfig javalin) {
        javalin.routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > MAX_BODY) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("too large");
            return;
        }
        JsonNode event;
        try {
            event = ZaloApi.JSON.readTree(raw);
        } catch (Exception e) {
            ctx.status(HttpStatus.BAD_REQUEST).result("not a Zalo event");
            return;
        }
        if (event == null || !event.isObject() || !event.path("event_name").isTextual()) {
            ctx.status(HttpStatus.BAD_REQUEST).result("not a Zalo event");
            return;
        }
        String timestamp = event.path("timestamp").asText(null);
        if (!ZaloSignature.verify(ctx.header(ZaloSignature.HEADER), config.appId(), raw, timestamp, config.oaSecretKey())) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("bad signature");
            return;
        }
        if (stale(timestamp)) {
            // num_retry: which of Zalo's resends this is, to learn its real schedule (an open point in the README).
            log.warn("Ignored a signed Zalo {} event stamped outside the accepted window (older than {} or ahead by more than {}; num_retry {})",
                    event.path("event_name").asText(), config.maxEventAge(), MAX_AHEAD, ctx.header("num_retry"));
            ctx.status(HttpStatus.OK).result("ignored");
            return;
        }
        try {
            handle(event);
        } catch (RuntimeException e) {
            if (Faults.isTransient(e)) {
                throw e; // not acknowledged: Zalo sends the event again
            }
            log.error("Zalo event {} could not be handled: {}", event.path("event_name").asText(), Redaction.redact(String.valueOf(e)));
        }
        ctx.status(HttpStatus.OK).result("ok");
    }

    void handle(JsonNode event) {
        String name = event.path("event_name").asText();
        if (name.startsWith("oa_send_") || name.equals("user_received_message") || name.equals("user_seen_message")
                || name.equals("unfollow")) {
            return; // our own echoes and receipts: answering them would make the bot talk to itself
        }
        if (name.equals("follow")) {
            String follower = event.path("follower").path("id").asText("");
            if (!follower.isEmpty()) {
                dialogue.handle(Inbound.start(chat(follower), "follow:" + follower + ":" + event.path("timestamp").asText(), ""));
            }
            return;
        }
        String user = event.path("sender").path("id").asText("");
        String msgId = event.path("message").path("msg_id").asText("");
        if (user.isEmpty()) {
            return;
        }
        String eventId = msgId.isEmpty() ? name + ":" + user + ":" + event.path("timestamp").asText() : msgId;
        switch (name) {
            case "user_send_text" -> dialogue.handle(inbound(user, eventId, event.path("message").path("text").asText("")));
            case "user_submit_info" -> submittedInfo(event, user, eventId);
            default -> {
                if (name.startsWith("user_send_")) {
                    dialogue.notice(chat(user), eventId, NOT_TEXT);
                }
            }
        }
    }

    /**
     * A tap arrives as the words its button said, which the person could also have typed: words this chat was sent
     * on a button are read back to the button's token (the engine then checks it, so a stale tap changes nothing);
     * anything else is text. A button sent before payloads were words carries its token after "#qz ".
     */
    private Inbound inbound(String user, String eventId, String text) {
        if (text.startsWith(ZaloSender.LEGACY_PAYLOAD_PREFIX)) {
            return Inbound.choice(chat(user), eventId, text.substring(ZaloSender.LEGACY_PAYLOAD_PREFIX.length()).strip());
        }
        Optional<String> token = text.isBlank() || text.length() > TapTexts.MAX_PAYLOAD ? Optional.empty() : taps.token(user, text);
        return token.map(t -> Inbound.choice(chat(user), eventId, t)).orElseGet(() -> Inbound.text(chat(user), eventId, text));
    }

    /** Zalo vouches for the phone a user shares from their own account, so it counts as verified. */
    private void submittedInfo(JsonNode event, String user, String eventId) {
        Optional<String> inEvent = SubmittedInfo.phoneInEvent(event);
        if (inEvent.isPresent()) {
            dialogue.handle(Inbound.contact(chat(user), eventId, inEvent.get(), true));
            return;
        }
        try {
            lookups.execute(() -> {
                try {
                    ZaloApi.Reply reply = api.userDetail(user);
                    Optional<String> phone = reply.ok() ? SubmittedInfo.phoneInUserDetail(reply.data()) : Optional.empty();
                    if (phone.isPresent()) {
                        dialogue.handle(Inbound.contact(chat(user), eventId, phone.get(), true));
                    } else {
                        log.warn("Zalo user_submit_info: user/detail gave no shared number (error {})", reply.error());
                    }
                } catch (Exception e) {
                    log.warn("Zalo user/detail failed: {}", Redaction.redact(e.toString()));
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Zalo user/detail look-ups are backed up; one was dropped (the person can still type the number)");
        }
    }

    private static ChatRef chat(String userId) {
        return new ChatRef(CHANNEL, userId);
    }

    @Override
    public void close() {
        lookups.shutdown();
    }
}
