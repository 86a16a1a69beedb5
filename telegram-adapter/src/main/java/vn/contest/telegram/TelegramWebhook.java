package vn.contest.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import vn.contest.core.store.Faults;
import vn.contest.core.text.Redaction;

/**
 * POST /webhooks/telegram. The secret header is checked in constant time (401 and nothing stored when it is
 * missing or wrong); a body that is not an Update gets 400; otherwise 200 once the update is stored. Any other
 * status means a passing fault (the database is down), and Telegram will deliver the update again.
 */
public final class TelegramWebhook {
    public static final String PATH = "/webhooks/telegram";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final int MAX_BODY = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final byte[] secret;
    private final UpdateHandler handler;

    public TelegramWebhook(String secret, UpdateHandler handler) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.handler = handler;
    }

    /** The method as the webhook's response body: its parameters and its name in {@code method}. */
    static String webhookReply(AnswerCallbackQuery answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void install(JavalinConfig config) {
        config.routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        String given = ctx.header(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret)) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("unauthorized");
            return;
        }
        String length = ctx.header("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("too large");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("too large");
            return;
        }
        Update update;
        try {
            update = JSON.readValue(body, Update.class);
        } catch (Exception e) {
            ctx.status(HttpStatus.BAD_REQUEST).result("not a Telegram update");
            return;
        }
        if (update == null || update.getUpdateId() == null) {
            ctx.status(HttpStatus.BAD_REQUEST).result("not a Telegram update");
            return;
        }
        AnswerCallbackQuery answer = null;
        try {
            answer = handler.handleForReply(update);
        } catch (RuntimeException e) {
            if (Faults.isTransient(e)) {
                throw e; // 5xx: Telegram delivers the update again once the database is back
            }
            // A lasting fault would come back forever and hold back the chat's later updates: acknowledge it.
            log.error("Telegram update {} could not be handled: {}", update.getUpdateId(), Redaction.redact(String.valueOf(e)));
        }
        ctx.status(HttpStatus.OK);
        if (answer != null) {
            // The "webhook reply": Telegram answers the callback itself (the spinner stops), no Bot API call of ours.
            // Only once the turn has committed, so a redelivered update is answered again.
            ctx.contentType("application/json").result(webhookReply(answer));
        }
    }
}
