package vn.contest.messenger;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature: header X-Hub-Signature-256 is "sha256=" and the hex HMAC-SHA256 of the raw body with the
 * app secret. Meta signs the bytes it sent (unicode escaped as \\u00e4), so the raw bytes are checked before parsing,
 * never a re-serialised body. The legacy SHA-1 header is not accepted.
 */
final class MessengerSignature {
    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private MessengerSignature() {}

    static String sign(byte[] rawBody, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of the header with the body's signature; false without a header. */
    static boolean verify(String header, byte[] rawBody, String appSecret) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(rawBody, appSecret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(header.strip().toLowerCase().getBytes(StandardCharsets.UTF_8), expected);
    }
}
