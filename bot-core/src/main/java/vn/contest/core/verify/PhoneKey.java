package vn.contest.core.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a phone number is kept among the one-time codes: an HMAC-SHA256 under the app's key named {@link #KEY_NAME}
 * (kept with the app's other keys), so the hourly caps still count sends to one number while the table no longer
 * holds the number itself: a person who erases their data leaves no readable phone behind.
 */
public final class PhoneKey {
    /** The key's name in app_keys. */
    public static final String KEY_NAME = "phone_codes";

    private PhoneKey() {}

    /** The keyed hash of a normalised number (0xxxxxxxxx). */
    public static byte[] of(byte[] key, String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(phone.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
