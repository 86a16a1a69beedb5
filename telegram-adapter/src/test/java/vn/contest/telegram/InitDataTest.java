package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import vn.contest.core.channel.PageIdentity;
import vn.contest.core.message.ChatRef;

/**
 * The Mini App's initData check, against data signed here as Telegram signs it (core.telegram.org/bots/webapps):
 * the genuine one names its user; a changed field, another bot's token, no hash, an old or future auth_date, a
 * field given twice are refused.
 */
class InitDataTest {
    static final String TOKEN = "7000000001:AAH-test-token_for_the_mini_app";
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String USER = "{\"id\":555001,\"first_name\":\"Nguyễn\",\"last_name\":\"Văn A\",\"language_code\":\"vi\"}";

    final InitData check = new InitData(TOKEN, CLOCK, InitData.MAX_AGE);

    /** initData as Telegram builds it: the fields URL-encoded, the hash over the decoded, sorted fields. */
    static String signed(Map<String, String> fields, String token) {
        StringBuilder dataCheck = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> dataCheck.append(dataCheck.length() == 0 ? "" : "\n").append(k).append('=').append(v));
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(hmac(secret, dataCheck.toString().getBytes(StandardCharsets.UTF_8)));
        return encode(fields) + "&hash=" + hash;
    }

    static String encode(Map<String, String> fields) {
        StringBuilder q = new StringBuilder();
        fields.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        return q.toString();
    }

    static Map<String, String> fields(String user, Instant authDate) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc");
        f.put("user", user);
        f.put("auth_date", String.valueOf(authDate.getEpochSecond()));
        f.put("signature", "f1e2d3c4b5a6");
        return f;
    }

    /** A genuine initData for {@code userId}, signed at {@code authDate} with {@code token}. */
    static String genuine(long userId, Instant authDate, String token) {
        return signed(fields(USER.replace("555001", String.valueOf(userId)), authDate), token);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGenuineInitDataNamesItsUser() {
        InitData.Valid valid = assertInstanceOf(InitData.Valid.class, check.check(signed(fields(USER, NOW.minusSeconds(60)), TOKEN)));
        assertEquals(555001L, valid.userId());
        assertEquals(NOW.minusSeconds(60), valid.authDate());
    }

    @Test
    void theMiniAppActsAsThePrivateChatOfThatUser() {
        MiniApp app = new MiniApp(TOKEN, "https://thi.example.gov.vn/thi?app=telegram", CLOCK);
        PageIdentity.Proved proved = assertInstanceOf(PageIdentity.Proved.class, app.verify(genuine(42, NOW.minusSeconds(5), TOKEN)));
        assertEquals(new ChatRef("telegram", "42"), proved.chat());
        assertEquals(NOW.minusSeconds(5).plus(InitData.MAX_AGE), proved.validUntil());
    }

    @Test
    void aChangedFieldIsAForgery() {
        String genuine = signed(fields(USER, NOW), TOKEN);
        // Another person's id in place of the signed one, the hash kept.
        String otherUser = genuine.replace(URLEncoder.encode("\"id\":555001", StandardCharsets.UTF_8), URLEncoder.encode("\"id\":555002", StandardCharsets.UTF_8));
        assertEquals(false, otherUser.equals(genuine), "the test changed the user");
        assertRefused(InitData.Problem.FORGED, otherUser);
        // A later auth_date to outlive the age limit.
        assertRefused(InitData.Problem.FORGED, genuine.replace("auth_date=" + NOW.getEpochSecond(), "auth_date=" + (NOW.getEpochSecond() + 1)));
        // A field added.
        assertRefused(InitData.Problem.FORGED, genuine + "&start_param=x");
        // A field dropped.
        assertRefused(InitData.Problem.FORGED, genuine.replace("query_id=AAHdF6IQAAAAAN0XohDhrOrc&", ""));
        // The hash's last digit changed.
        char last = genuine.charAt(genuine.length() - 1);
        assertRefused(InitData.Problem.FORGED, genuine.substring(0, genuine.length() - 1) + (last == '0' ? '1' : '0'));
        // The hash in capitals is not what Telegram sends.
        int at = genuine.indexOf("hash=") + 5;
        assertRefused(InitData.Problem.FORGED, genuine.substring(0, at) + genuine.substring(at).toUpperCase());
    }

    @Test
    void anotherBotsTokenIsAForgery() {
        assertRefused(InitData.Problem.FORGED, signed(fields(USER, NOW), "7000000002:AAH-another-bot"));
        // The data signed with the bot token itself as the key, skipping the "WebAppData" step.
        Map<String, String> f = fields(USER, NOW);
        StringBuilder dataCheck = new StringBuilder();
        new TreeMap<>(f).forEach((k, v) -> dataCheck.append(dataCheck.length() == 0 ? "" : "\n").append(k).append('=').append(v));
        String naive = HexFormat.of().formatHex(hmac(TOKEN.getBytes(StandardCharsets.UTF_8), dataCheck.toString().getBytes(StandardCharsets.UTF_8)));
        assertRefused(InitData.Problem.FORGED, encode(f) + "&hash=" + naive);
    }

    @Test
    void noHashIsRefused() {
        assertRefused(InitData.Problem.MISSING_HASH, encode(fields(USER, NOW)));
        assertRefused(InitData.Problem.MISSING_HASH, encode(fields(USER, NOW)) + "&hash=");
    }

    @Test
    void aStaleOrFutureAuthDateIsRefused() {
        assertInstanceOf(InitData.Valid.class, check.check(signed(fields(USER, NOW.minus(InitData.MAX_AGE).plusSeconds(1)), TOKEN)));
        assertRefused(InitData.Problem.STALE, signed(fields(USER, NOW.minus(InitData.MAX_AGE).minusSeconds(1)), TOKEN));
        assertRefused(InitData.Problem.STALE, signed(fields(USER, NOW.plus(InitData.FUTURE_SKEW).plusSeconds(1)), TOKEN));
        MiniApp app = new MiniApp(TOKEN, "https://thi.example.gov.vn/thi?app=telegram", CLOCK);
        PageIdentity.Refused refused = assertInstanceOf(PageIdentity.Refused.class,
                app.verify(signed(fields(USER, NOW.minus(InitData.MAX_AGE).minusSeconds(1)), TOKEN)));
        assertEquals(MiniApp.STALE, refused.message());
    }

    @Test
    void aFieldGivenTwiceOrGarbageIsRefused() {
        String genuine = signed(fields(USER, NOW), TOKEN);
        assertRefused(InitData.Problem.MALFORMED, genuine + "&user=" + URLEncoder.encode(USER.replace("555001", "1"), StandardCharsets.UTF_8));
        assertRefused(InitData.Problem.MALFORMED, "");
        assertRefused(InitData.Problem.MALFORMED, "not init data");
        assertRefused(InitData.Problem.MALFORMED, "user=%E0%A4%A&hash=00");
        assertRefused(InitData.Problem.MALFORMED, genuine + "&x=" + "a".repeat(InitData.MAX_LENGTH));
        // Signed, but naming nobody.
        Map<String, String> noUser = fields(USER, NOW);
        noUser.remove("user");
        assertRefused(InitData.Problem.MALFORMED, signed(noUser, TOKEN));
        MiniApp app = new MiniApp(TOKEN, "https://thi.example.gov.vn/thi?app=telegram", CLOCK);
        assertEquals(MiniApp.FORGED, assertInstanceOf(PageIdentity.Refused.class, app.verify("garbage")).message());
    }

    private void assertRefused(InitData.Problem problem, String initData) {
        InitData.Invalid invalid = assertInstanceOf(InitData.Invalid.class, check.check(initData), initData);
        assertEquals(problem, invalid.problem(), initData);
    }
}
