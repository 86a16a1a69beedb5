package vn.contest.telegram;

import java.nio.charset.StandardCharsets;

/** Telegram takes 1-64 bytes of callback data per button; the client library does not check, so we do. */
final class CallbackData {
    static final int MAX_BYTES = 64;

    private CallbackData() {}

    static String checked(String token) {
        int bytes = token == null ? 0 : token.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("callback data must be 1-64 bytes, got " + bytes);
        }
        return token;
    }
}
