package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.contest.core.config.BadSetting;

/** TELEGRAM_MINI_APP: off by default; on, it needs an https PUBLIC_URL, and anything but true or false is refused. */
class MiniAppSettingTest {
    static Map<String, String> env(String miniApp, String publicUrl) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_WEBHOOK_SECRET", "s"));
        if (miniApp != null) {
            env.put("TELEGRAM_MINI_APP", miniApp);
        }
        if (publicUrl != null) {
            env.put("PUBLIC_URL", publicUrl);
        }
        return env;
    }

    @Test
    void offByDefault() {
        TelegramConfig config = TelegramConfig.fromEnv(env(null, "https://thi.example.gov.vn")).orElseThrow();
        assertFalse(config.miniApp());
        assertEquals(Optional.empty(), config.miniAppUrl());
        assertTrue(new TelegramChannel(config, null, null).pageIdentity().isEmpty(), "no page may act as a Telegram chat");
    }

    @Test
    void onItOpensTheChatPage() {
        TelegramConfig config = TelegramConfig.fromEnv(env("true", "https://thi.example.gov.vn/")).orElseThrow();
        assertEquals(Optional.of("https://thi.example.gov.vn/thi?app=telegram"), config.miniAppUrl());
        assertEquals("telegram", new TelegramChannel(config, null, null).pageIdentity().orElseThrow().channel());
    }

    @Test
    void withoutAnHttpsAddressOrWithAnotherWordTheAppDoesNotStart() {
        for (Map<String, String> env : java.util.List.of(env("true", null), env("true", "http://thi.example.gov.vn"), env("yes", "https://x.vn"))) {
            BadSetting bad = assertThrows(BadSetting.class, () -> TelegramConfig.fromEnv(env));
            assertEquals("TELEGRAM_MINI_APP", bad.setting());
        }
    }
}
