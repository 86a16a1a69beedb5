package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import vn.contest.core.config.BadSetting;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Outbound;

/**
 * TELEGRAM_PAID_BROADCAST: off, messages go at the free rate and carry no flag; on, every new message asks Telegram for
 * a paid broadcast (allow_paid_broadcast, Bot API 7.11) and the pace rises to what Telegram then allows.
 */
class PaidBroadcastTest {
    private static final Outbound REMINDER = new Outbound(new ChatRef("telegram", "42"), "Còn 2 giờ nữa là hết đợt thi.",
            List.of(), false, null, Outbound.TEXT);

    @Test
    void theFlagGoesOnlyWhenTheOrganiserPays() {
        try (BotApiStub api = new BotApiStub()) {
            var client = new OkHttpTelegramClient(BotApiStub.TOKEN, api.config(TelegramConfig.Mode.WEBHOOK).telegramUrl());

            TelegramSender free = new TelegramSender(client, Duration.ZERO, false);
            free.send(REMINDER);
            JsonNode sent = api.sentTo(42).get(0);
            assertFalse(sent.has("allow_paid_broadcast"), sent.toString());
            assertEquals(TelegramSender.FREE_RATE, free.messagesPerSecond());

            TelegramSender paid = new TelegramSender(client, Duration.ZERO, true);
            paid.send(REMINDER);
            assertTrue(api.sentTo(42).get(1).path("allow_paid_broadcast").asBoolean(), api.sentTo(42).get(1).toString());
            assertEquals(TelegramSender.PAID_RATE, paid.messagesPerSecond());
        }
    }

    @Test
    void withPaidBroadcastsTheNextQuestionIsAPaidNewMessageNotAnEdit() {
        // An edit cannot carry the flag and may count against the free rate: the answered question only loses its buttons.
        Outbound inPlace = new Outbound(new ChatRef("telegram", "43"), "✅ Câu 1/4: bạn đã chọn A\n\nCâu 2/4 ...",
                List.of(new vn.contest.core.message.Choice("t-a", "A")), false, null, Outbound.QUESTION, "777");
        try (BotApiStub api = new BotApiStub()) {
            var client = new OkHttpTelegramClient(BotApiStub.TOKEN, api.config(TelegramConfig.Mode.WEBHOOK).telegramUrl());
            new TelegramSender(client, Duration.ZERO, true).send(inPlace);
            assertTrue(api.calls("editMessageText").isEmpty(), api.calls("editMessageText").toString());
            assertEquals(777, api.calls("editMessageReplyMarkup").get(0).path("message_id").asInt());
            JsonNode sent = api.sentTo(43).get(0);
            assertTrue(sent.path("allow_paid_broadcast").asBoolean() && sent.path("text").asText().contains("Câu 2/4"), sent.toString());
        }
    }

    @Test
    void theSettingIsReadAndAnythingButTrueOrFalseIsRefused() {
        assertFalse(TelegramConfig.fromEnv(MiniAppSettingTest.env(null, null)).orElseThrow().paidBroadcast());
        var env = MiniAppSettingTest.env(null, null);
        env.put("TELEGRAM_PAID_BROADCAST", "true");
        assertTrue(TelegramConfig.fromEnv(env).orElseThrow().paidBroadcast());
        env.put("TELEGRAM_PAID_BROADCAST", "có");
        BadSetting refused = assertThrows(BadSetting.class, () -> TelegramConfig.fromEnv(env));
        assertTrue(refused.getMessage().contains("TELEGRAM_PAID_BROADCAST"), refused.getMessage());
    }
}
