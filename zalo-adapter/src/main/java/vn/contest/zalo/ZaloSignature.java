package vn.contest.zalo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The webhook signature, in one place because Zalo's documentation leaves it open which secret signs.
 * What we do (the SDKs' and production integrations' majority view): header X-ZEvent-Signature equals
 * "mac=" + hex(SHA-256(app id + raw body bytes + the body's "timestamp" + OA Secret Key)), plain SHA-256 (not
 * HMAC), with the OA Secret Key from the app's Webhook page (not the App Secret).
 */
final class ZaloSignature {
    static final String HEADER = "X-ZEvent-Signature";

    private ZaloSignature() {}

    static String sign(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
        data.writeBytes(rawBody);
        data.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        data.writeBytes(oaSecretKey.getBytes(StandardCharsets.UTF_8));
        try {
            return "mac=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of the header with the expected signature. */
    static boolean verify(String header, String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        if (header == null || timestamp == null) {
            return false;
        }
        byte[] expected = sign(appId, rawBody, timestamp, oaSecretKey).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(header.trim().toLowerCase().getBytes(StandardCharsets.UTF_8), expected);
    }
}
