package vn.contest.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ZALO_OA_ID, the landing page's "Zalo OA" way in: the OA's number or nothing. No server, no database. */
class ZaloOaIdTest {
    static Map<String, String> env(String oaId) {
        Map<String, String> env = new HashMap<>(Map.of("ZALO_APP_ID", "111", "ZALO_APP_SECRET", "s", "ZALO_OA_SECRET_KEY", "k",
                "ZALO_ACCESS_TOKEN", "AT1", "ZALO_REFRESH_TOKEN", "RT1"));
        if (oaId != null) {
            env.put("ZALO_OA_ID", oaId);
        }
        return env;
    }

    @Test
    void theOaNumberIsReadAndAnythingElseIsRefusedWithWhatToWrite() {
        assertEquals("1234567890123456789", ZaloConfig.fromEnv(env(" 1234567890123456789 ")).orElseThrow().oaId());
        assertNull(ZaloConfig.fromEnv(env(null)).orElseThrow().oaId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZaloConfig.fromEnv(env("https://zalo.me/123\"><script>")));
        assertTrue(e.getMessage().contains("ZALO_OA_ID"), e.getMessage());
    }
}
