package vn.contest.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.store.Faults;
import vn.contest.core.text.Redaction;

/**
 * GET and POST /webhooks/messenger. GET is Meta's subscription handshake: with hub.mode=subscribe and our verify
 * token, the hub.challenge comes back as text; anything else 403. POST carries events: signed ones only (401
 * otherwise, nothing stored), 400 for a body that is not a Page's events, 200 once every event of the batch has
 * been handled (its turn committed, its replies in the outbox). A POST may batch several entries, each with
 * several events; each is handled once, deduplicated by the engine on its id ({@link MessagingEvent}). A passing
 * fault (the database down) leaves the POST unanswered with a 5xx, so Meta sends the batch again and the events
 * already handled are found as duplicates.
 */
public final class MessengerWebhook {
    public static final String PATH = "/webhooks/messenger";
    static final int MAX_BODY = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(MessengerWebhook.class);

    private final MessengerConfig config;
    private final MessagingEvent events;

    MessengerWebhook(MessengerConfig config, Dialogue dialogue) {
        this.config = config;
        this.events = new MessagingEvent(dialogue);
    }

    public void install(JavalinConfig javalin) {
        javalin.routes.get(PATH, this::verify);
        javalin.routes.post(PATH, this::receive);
    }

    private void verify(Context ctx) {
        String mode = ctx.queryParam("hub.mode");
        String token = ctx.queryParam("hub.verify_token");
        String challenge = ctx.queryParam("hub.challenge");
        boolean ours = token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                config.verifyToken().getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !ours || challenge == null || challenge.isEmpty() || challenge.length() > 1000) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result("forbidden");
            return;
        }
        ctx.status(HttpStatus.OK).contentType("text/plain").result(challenge);
    }

    private void receive(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > MAX_BODY) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("too large");
            return;
        }
        if (!MessengerSignature.verify(ctx.header(MessengerSignature.HEADER), raw, config.appSecret())) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("bad signature");
            return;
        }
        JsonNode body;
        try {
            body = MessengerApi.JSON.readTree(raw);
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject() || !body.path("object").isTextual() || !body.path("entry").isArray()) {
            ctx.status(HttpStatus.BAD_REQUEST).result("not a Messenger event");
            return;
        }
        if (!"page".equals(body.path("object").asText())) {
            ctx.status(HttpStatus.OK).result("ignored"); // another product's events (Instagram, say): not for this channel
            return;
        }
        for (JsonNode entry : body.path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                handle(event);
            }
        }
        ctx.status(HttpStatus.OK).result("EVENT_RECEIVED");
    }

    private void handle(JsonNode event) {
        try {
            events.handle(event);
        } catch (RuntimeException e) {
            if (Faults.isTransient(e)) {
                throw e; // not acknowledged: Meta sends the batch again
            }
            // A lasting failure would come back with every resend: logged and acknowledged, the batch's others go on.
            log.error("A Messenger event could not be handled: {}", Redaction.redact(String.valueOf(e)));
        }
    }
}
