package vn.contest.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.SendResult;
import vn.contest.core.outbox.Sender;
import vn.contest.core.text.TextSplitter;

/**
 * Renders replies as Telegram messages: a question with one inline button per option, other choices as
 * inline buttons, the phone request as a "share contact" keyboard; answered questions are edited to show
 * the choice and lose their buttons, or, when the answered question was the chat's newest message, changed in place
 * into the next one (one call for both). Paced to Telegram's limits (about 30 a second in all, or 1,000 with paid broadcasts; 1 a second per chat).
 */
public final class TelegramSender implements Sender {
    static final int MAX_TEXT = 4096;
    private static final int SHORT_LABEL = 14;

    private final TelegramClient client;
    /** The free rate, under Telegram's 30 a second for a bot in all. */
    static final double FREE_RATE = 25;
    /** With paid broadcasts Telegram takes up to 1,000 a second (Bot API 7.11, allow_paid_broadcast). */
    static final double PAID_RATE = 1000;

    private final Duration perChatGap;
    private final boolean paidBroadcast;

    public TelegramSender(TelegramClient client, boolean paidBroadcast) {
        this(client, Duration.ofSeconds(1), paidBroadcast);
    }

    TelegramSender(TelegramClient client, Duration perChatGap) {
        this(client, perChatGap, false);
    }

    TelegramSender(TelegramClient client, Duration perChatGap, boolean paidBroadcast) {
        this.client = client;
        this.perChatGap = perChatGap;
        this.paidBroadcast = paidBroadcast;
    }

    @Override
    public String channel() {
        return UpdateHandler.CHANNEL;
    }

    @Override
    public double messagesPerSecond() {
        return paidBroadcast ? PAID_RATE : FREE_RATE;
    }

    @Override
    public Duration perChatGap() {
        return perChatGap;
    }

    @Override
    public SendResult send(Outbound message) {
        try {
            if (message.isEdit()) {
                edit(message);
                // No id: changing an earlier message does not make it the chat's newest.
                return SendResult.sent();
            }
            if (message.replaces() && replace(message)) {
                return SendResult.sent(message.editRef());
            }
            Message last = null;
            List<String> parts = TextSplitter.split(message.text(), MAX_TEXT);
            for (int i = 0; i < parts.size(); i++) {
                boolean isLast = i == parts.size() - 1;
                // Past the free rate each new message is paid for (edits are not broadcasts and carry no such flag).
                last = client.execute(SendMessage.builder().chatId(message.chat().externalId()).text(parts.get(i))
                        .replyMarkup(isLast ? markup(message) : null).allowPaidBroadcast(paidBroadcast ? true : null).build());
            }
            return SendResult.sent(last == null || last.getMessageId() == null ? null : String.valueOf(last.getMessageId()));
        } catch (TelegramApiRequestException e) {
            SendResult result = classify(e);
            // A message shown in place already (a redelivery): it shows under the tapped message's id.
            return result instanceof SendResult.Sent && message.replaces() ? SendResult.sent(message.editRef()) : result;
        } catch (TelegramApiException e) {
            return new SendResult.Retry(null, "telegram: " + e.getMessage());
        }
    }

    private void edit(Outbound message) throws TelegramApiException {
        String chatId = message.chat().externalId();
        int messageId = Integer.parseInt(message.editRef());
        if (message.text() == null) {
            client.execute(EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId).build());
        } else {
            String text = message.text().length() > MAX_TEXT ? message.text().substring(0, MAX_TEXT) : message.text();
            client.execute(EditMessageText.builder().chatId(chatId).messageId(messageId).text(text).build());
        }
    }

    /**
     * Changes the tapped message into this one (its text and buttons) in one call. False when it is to go as a new
     * message instead: with paid broadcasts (an edit cannot carry the paid flag, and the free rate may count it), when
     * the text is too long for one message, or when Telegram refuses the change (the message deleted, say). The tapped
     * message then only loses its buttons, where Telegram still lets us.
     */
    private boolean replace(Outbound message) throws TelegramApiException {
        if (!paidBroadcast && message.text().length() <= MAX_TEXT) {
            try {
                client.execute(EditMessageText.builder().chatId(message.chat().externalId()).messageId(Integer.parseInt(message.editRef()))
                        .text(message.text()).replyMarkup(message.choices().isEmpty() ? null : (InlineKeyboardMarkup) markup(message)).build());
                return true;
            } catch (TelegramApiRequestException e) {
                // Shown already (a redelivery), a rate limit, a fault: as any send. Any other refusal: a new message below.
                if (!Integer.valueOf(400).equals(e.getErrorCode()) || String.valueOf(e.getApiResponse()).contains("message is not modified")) {
                    throw e;
                }
            }
        }
        try {
            client.execute(EditMessageReplyMarkup.builder().chatId(message.chat().externalId()).messageId(Integer.parseInt(message.editRef())).build());
        } catch (TelegramApiException e) {
            // Gone or unchangeable: a tap on its buttons would be refused as stale anyway.
        }
        return false;
    }

    static ReplyKeyboard markup(Outbound message) {
        if (message.requestPhone()) {
            return ReplyKeyboardMarkup.builder()
                    .keyboardRow(new KeyboardRow(KeyboardButton.builder().text(TelegramTexts.SHARE_PHONE).requestContact(true).build()))
                    .resizeKeyboard(true).oneTimeKeyboard(true).build();
        }
        if (message.choices().isEmpty()) {
            // Also takes away the phone keyboard once it is no longer asked for.
            return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        boolean compact = Outbound.QUESTION.equals(message.kind())
                || message.choices().stream().allMatch(c -> c.label().length() <= SHORT_LABEL);
        int perRow = Outbound.QUESTION.equals(message.kind()) ? 6 : compact ? 3 : 1;
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Choice c : message.choices()) {
            row.add(InlineKeyboardButton.builder().text(c.label()).callbackData(CallbackData.checked(c.token())).build());
            if (row.size() == perRow) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /** 429: wait as told; 403: the person blocked the bot; other 4xx will never pass; 5xx and the rest: retry. */
    static SendResult classify(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String reason = code + " " + e.getApiResponse();
        if (code == 429) {
            Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new SendResult.Retry(after == null ? null : Duration.ofSeconds(after), reason);
        }
        if (code == 400 && String.valueOf(e.getApiResponse()).contains("message is not modified")) {
            return SendResult.sent();
        }
        if (code >= 400 && code < 500) {
            return new SendResult.Undeliverable(reason);
        }
        return new SendResult.Retry(null, reason);
    }
}
