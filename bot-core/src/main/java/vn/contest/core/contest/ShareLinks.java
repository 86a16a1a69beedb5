package vn.contest.core.contest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The share cards a participant is offered after a paper: {@code PUBLIC_URL/c/CODE/chia-se} ("Tôi đã tham gia
 * Cuộc thi ...", nothing personal) and, if they choose to show it, the same with their score,
 * {@code ?diem=RIGHT-TOTAL&ky=SIGNATURE}, signed with a server key ({@code AppKeys} "share_card") so that nobody
 * can make a card with a score they did not get. The card names no person: a score card proves only that someone
 * got that score in that contest.
 */
public final class ShareLinks {
    public static final String KEY_NAME = "share_card";
    public static final String SCORE_PARAM = "diem";
    public static final String SIGNATURE_PARAM = "ky";
    private static final Pattern SCORE = Pattern.compile("(\\d{1,3})-(\\d{1,3})");

    /** A score a card may show: right answers out of the paper's questions. */
    public record Score(int right, int total) {}

    private final String publicUrl;
    private final byte[] key;

    /** {@code publicUrl}: PUBLIC_URL (a link in a chat must be whole); {@code key}: the shared signing key. */
    public ShareLinks(String publicUrl, byte[] key) {
        this.publicUrl = publicUrl.strip().replaceFirst("/+$", "");
        this.key = key.clone();
    }

    public static String path(String contestCode) {
        return "/c/" + contestCode + "/chia-se";
    }

    /** The card without a score. */
    public String participated(String contestCode) {
        return publicUrl + path(contestCode);
    }

    /** The card with {@code right}/{@code total}, signed. */
    public String withScore(String contestCode, int right, int total) {
        return participated(contestCode) + "?" + SCORE_PARAM + "=" + right + "-" + total + "&" + SIGNATURE_PARAM + "="
                + sign(key, contestCode, right, total);
    }

    /** The score {@code score} and {@code signature} show, when the key signed exactly that for this contest; else empty. */
    public static Optional<Score> verified(byte[] key, String contestCode, String score, String signature) {
        if (score == null || signature == null) {
            return Optional.empty();
        }
        Matcher m = SCORE.matcher(score);
        if (!m.matches()) {
            return Optional.empty();
        }
        int right = Integer.parseInt(m.group(1));
        int total = Integer.parseInt(m.group(2));
        if (right > total) {
            return Optional.empty();
        }
        byte[] expected = sign(key, contestCode, right, total).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(new Score(right, total)) : Optional.empty();
    }

    static String sign(byte[] key, String contestCode, int right, int total) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("share-card|" + contestCode.toLowerCase(java.util.Locale.ROOT) + "|" + right + "|" + total)
                    .getBytes(StandardCharsets.UTF_8));
            // 128 bits are plenty against forging and keep the link short.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
