package vn.contest.telegram;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.contest.core.message.ChatRef;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.Inbound;

/**
 * Turns one Telegram update into the engine's {@link Inbound} and hands it to the dialogue; the same path
 * for the webhook and for long polling. Returns once the update is safely stored (or knowingly ignored).
 */
public final class UpdateHandler implements AutoCloseable {
    public static final String CHANNEL = "telegram";
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final Dialogue dialogue;
    private final TelegramClient client;
    /** Callback answers only stop the tapping spinner: sent beside the update's handling, never holding it up. */
    private final ExecutorService callbackAnswers = new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "telegram-callback-answers");
                t.setDaemon(true);
                return t;
            });

    public UpdateHandler(Dialogue dialogue, TelegramClient client) {
        this.dialogue = dialogue;
        this.client = client;
    }

    /** Handles an update and answers its callback query (if any) with a call of its own (long polling). */
    public void handle(Update update) {
        AnswerCallbackQuery answer = handleForReply(update);
        if (answer != null) {
            answer(answer);
        }
    }

    /**
     * Handles an update and returns the callback query's answer for the webhook's response body, where Telegram
     * performs it without a Bot API call of ours (null when the update is no callback query).
     */
    public AnswerCallbackQuery handleForReply(Update update) {
        String eventId = "u" + update.getUpdateId();
        if (update.hasCallbackQuery()) {
            return callback(update.getCallbackQuery(), eventId);
        } else if (update.hasMessage()) {
            message(update.getMessage(), eventId);
        }
        // Other update kinds (edits, channel posts, member changes) are not for the contest: acknowledged, ignored.
        return null;
    }

    private void message(Message m, String eventId) {
        ChatRef chat = new ChatRef(CHANNEL, String.valueOf(m.getChatId()));
        if (!"private".equals(m.getChat().getType())) {
            if ("channel".equals(m.getChat().getType())) {
                return;
            }
            dialogue.notice(chat, eventId, TelegramTexts.PRIVATE_ONLY);
            return;
        }
        if (m.hasContact()) {
            var contact = m.getContact();
            boolean own = contact.getUserId() != null && m.getFrom() != null && Objects.equals(contact.getUserId(), m.getFrom().getId());
            dialogue.handle(Inbound.contact(chat, eventId, contact.getPhoneNumber(), own));
            return;
        }
        String text = m.hasText() ? m.getText() : "";
        String command = command(m);
        if ("/start".equals(command)) {
            String payload = text.contains(" ") ? text.substring(text.indexOf(' ') + 1).strip() : "";
            dialogue.handle(Inbound.start(chat, eventId, payload));
        } else if (command != null) {
            // "/help@contest_bot" -> "/help": the engine knows the bare command.
            dialogue.handle(Inbound.text(chat, eventId, command + text.substring(Math.min(text.length(), firstSpace(text)))));
        } else {
            dialogue.handle(Inbound.text(chat, eventId, text));
        }
    }

    /** The command of a message ("/start"), read from its entities (the library's own helper needs them loaded). */
    private static String command(Message m) {
        List<MessageEntity> entities = m.getEntities();
        String text = m.hasText() ? m.getText() : "";
        boolean isCommand = entities != null && entities.stream().anyMatch(e -> "bot_command".equals(e.getType()) && e.getOffset() == 0)
                || text.startsWith("/");
        if (!isCommand) {
            return null;
        }
        String word = text.substring(0, firstSpace(text));
        int at = word.indexOf('@');
        return (at > 0 ? word.substring(0, at) : word).toLowerCase();
    }

    private static int firstSpace(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text.length() : space;
    }

    private AnswerCallbackQuery callback(CallbackQuery cq, String eventId) {
        if (!(cq.getMessage() instanceof Message message) || cq.getData() == null) {
            // The message is too old for Telegram to show us (or not ours): say so, change nothing.
            return answerOf(cq.getId(), TelegramTexts.STALE_CALLBACK);
        }
        if (!"private".equals(message.getChat().getType())) {
            return answerOf(cq.getId(), TelegramTexts.PRIVATE_ONLY);
        }
        ChatRef chat = new ChatRef(CHANNEL, String.valueOf(message.getChatId()));
        dialogue.handle(Inbound.tap(chat, eventId, cq.getData(), String.valueOf(message.getMessageId())));
        return answerOf(cq.getId(), null);
    }

    private static AnswerCallbackQuery answerOf(String callbackId, String text) {
        return AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).build();
    }

    private void answer(AnswerCallbackQuery answer) {
        try {
            callbackAnswers.execute(() -> {
                try {
                    client.execute(answer);
                } catch (TelegramApiException e) {
                    // Too old ("query is too old") or a passing fault: the spinner stops by itself.
                    log.debug("answerCallbackQuery failed: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Callback answers are backed up; one was dropped");
        }
    }

    @Override
    public void close() {
        callbackAnswers.shutdown();
        try {
            callbackAnswers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
