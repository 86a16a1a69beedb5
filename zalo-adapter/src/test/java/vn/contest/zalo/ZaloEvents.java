package vn.contest.zalo;

import java.util.concurrent.atomic.AtomicLong;

/** Event bodies shaped like Zalo's webhook events (ids and timestamps are strings). */
final class ZaloEvents {
    static final String APP_ID = "2553928453557884079";
    static final String OA_ID = "3662729599332560487";
    private static final AtomicLong CLOCK = new AtomicLong(System.currentTimeMillis());
    private static final AtomicLong MSG = new AtomicLong(1);

    private ZaloEvents() {}

    static String ts() {
        return String.valueOf(CLOCK.incrementAndGet());
    }

    static String text(String user, String text) {
        return "{\"app_id\":\"" + APP_ID + "\",\"user_id_by_app\":\"9791\",\"event_name\":\"user_send_text\",\"timestamp\":\"" + ts()
                + "\",\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + OA_ID + "\"},"
                + "\"message\":{\"msg_id\":\"m" + MSG.incrementAndGet() + "cb31dff1c3\",\"text\":" + quote(text) + "}}";
    }

    static String follow(String user) {
        return "{\"oa_id\":\"" + OA_ID + "\",\"follower\":{\"id\":\"" + user + "\"},\"user_id_by_app\":\"9791\",\"event_name\":\"follow\","
                + "\"source\":\"oa_profile\",\"app_id\":\"" + APP_ID + "\",\"timestamp\":\"" + ts() + "\"}";
    }

    static String submitInfo(String user) {
        return "{\"event_name\":\"user_submit_info\",\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + OA_ID
                + "\"},\"app_id\":\"" + APP_ID + "\",\"timestamp\":\"" + ts() + "\",\"info\":{\"name\":\"Lan\"}}";
    }

    static String echo(String user) {
        return "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"oa_send_text\",\"timestamp\":\"" + ts() + "\",\"sender\":{\"id\":\""
                + OA_ID + "\"},\"recipient\":{\"id\":\"" + user + "\"},\"message\":{\"msg_id\":\"echo" + MSG.incrementAndGet()
                + "\",\"text\":\"Câu 1/4\"}}";
    }

    static String sticker(String user) {
        return "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"user_send_sticker\",\"timestamp\":\"" + ts() + "\",\"sender\":{\"id\":\""
                + user + "\"},\"recipient\":{\"id\":\"" + OA_ID + "\"},\"message\":{\"msg_id\":\"st" + MSG.incrementAndGet()
                + "\",\"attachments\":[{\"type\":\"sticker\",\"payload\":{\"id\":\"1\"}}]}}";
    }

    static String quote(String s) {
        return ZaloApi.JSON.valueToTree(s).toString();
    }
}
