package vn.contest.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A Telegram Mini App's initData as Telegram signs it for a user (core.telegram.org/bots/webapps), made in the test. */
final class SignedInitData {
    private SignedInitData() {}

    static String of(long userId, String firstName, Instant authDate, String botToken) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAH" + userId);
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"" + firstName + "\",\"language_code\":\"vi\"}");
        fields.put("auth_date", String.valueOf(authDate.getEpochSecond()));
        StringBuilder check = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> check.append(check.length() == 0 ? "" : "\n").append(k).append('=').append(v));
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        StringBuilder q = new StringBuilder();
        fields.forEach((k, v) -> q.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")).append('&'));
        return q + "hash=" + HexFormat.of().formatHex(hmac(secret, check.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
