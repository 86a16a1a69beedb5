package vn.contest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A unit's poster link on Telegram: a deep link to the bot naming the contest and the unit, known only with
 * TELEGRAM_BOT_USERNAME. No network, no database.
 */
class TelegramUnitLinkTest {
    static Optional<String> link(Map<String, String> env, String unit) {
        try (TelegramChannel channel = new TelegramChannel(TelegramConfig.fromEnv(env).orElseThrow(), null, null)) {
            return channel.unitLink("cds-2026", unit);
        }
    }

    static Map<String, String> env(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_MODE", "polling"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void withTheBotsUsernameAUnitLinksToTheBotWithItsCode() {
        assertEquals(Optional.of("https://t.me/thi_bac_kan_bot?start=cds-2026-ba-be"), link(env("TELEGRAM_BOT_USERNAME", "thi_bac_kan_bot"), "ba-be"));
        assertEquals(Optional.of("https://t.me/thi_bac_kan_bot?start=cds-2026-so-noi-vu"), link(env("TELEGRAM_BOT_USERNAME", " @thi_bac_kan_bot "), "so-noi-vu"),
                "written as people write it, with its @");
    }

    @Test
    void pastTelegramsSixtyFourCharactersTheLinkNamesTheUnitAlone() {
        String unit = "x".repeat(60);
        assertEquals(Optional.of("https://t.me/thi_bac_kan_bot?start=" + unit), link(env("TELEGRAM_BOT_USERNAME", "thi_bac_kan_bot"), unit));
    }

    @Test
    void withoutTheUsernameThereIsNoLink() {
        assertEquals(Optional.empty(), link(env(), "ba-be"));
        assertEquals(Optional.empty(), link(env("TELEGRAM_BOT_USERNAME", "  "), "ba-be"));
    }
}
