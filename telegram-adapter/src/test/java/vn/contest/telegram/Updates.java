package vn.contest.telegram;

import java.util.concurrent.atomic.AtomicInteger;

/** Update bodies shaped like the Bot API's (https://core.telegram.org/bots/api#update). */
final class Updates {
    private static final AtomicInteger NEXT = new AtomicInteger(700_000);

    private Updates() {}

    static int nextId() {
        return NEXT.incrementAndGet();
    }

    static String user(long id) {
        return "{\"id\":" + id + ",\"is_bot\":false,\"first_name\":\"Lan\",\"language_code\":\"vi\"}";
    }

    static String privateChat(long id) {
        return "{\"id\":" + id + ",\"type\":\"private\",\"first_name\":\"Lan\"}";
    }

    static String text(int updateId, long userId, String text) {
        String entities = text.startsWith("/")
                ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":" + (text.contains(" ") ? text.indexOf(' ') : text.length()) + "}]"
                : "";
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId % 100000) + ",\"from\":" + user(userId)
                + ",\"chat\":" + privateChat(userId) + ",\"date\":1700000000,\"text\":" + quote(text) + entities + "}}";
    }

    static String contact(int updateId, long userId, String phone, long contactUserId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId % 100000) + ",\"from\":" + user(userId)
                + ",\"chat\":" + privateChat(userId) + ",\"date\":1700000000,\"contact\":{\"phone_number\":" + quote(phone)
                + ",\"first_name\":\"Lan\",\"user_id\":" + contactUserId + "}}}";
    }

    /** A button tap; {@code date} 0 makes the message inaccessible, as Telegram sends for old messages. */
    static String callback(int updateId, long userId, int messageId, String data, long date) {
        String message = date == 0
                ? "{\"chat\":" + privateChat(userId) + ",\"message_id\":" + messageId + ",\"date\":0}"
                : "{\"message_id\":" + messageId + ",\"from\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Bot\"},\"chat\":"
                  + privateChat(userId) + ",\"date\":" + date + ",\"text\":\"...\"}";
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"cq" + updateId + "\",\"from\":" + user(userId)
                + ",\"chat_instance\":\"42\",\"message\":" + message + ",\"data\":" + quote(data) + "}}";
    }

    static String groupCommand(int updateId, long userId, long groupId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":5,\"from\":" + user(userId)
                + ",\"chat\":{\"id\":" + groupId + ",\"type\":\"group\",\"title\":\"Lớp 12A\"},\"date\":1700000000,"
                + "\"text\":\"/start@contest_bot\",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":18}]}}";
    }

    static String quote(String s) {
        return BotApiStub.JSON.valueToTree(s).toString();
    }
}
