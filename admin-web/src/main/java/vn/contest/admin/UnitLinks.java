package vn.contest.admin;

/**
 * Where a unit's poster links lead: the web chat page at {@code publicUrl}/?unit=CODE, and, when the bot's
 * username is known, Telegram's t.me/BOT?start=CODE. Either way the unit that brought the person is recorded.
 */
public record UnitLinks(String publicUrl, String telegramBot) {
    public String web(String unitCode) {
        return (publicUrl == null || publicUrl.isBlank() ? "" : stripSlash(publicUrl)) + "/?unit=" + unitCode;
    }

    public String telegram(String unitCode) {
        return telegramBot == null || telegramBot.isBlank() ? null : "https://t.me/" + telegramBot.replace("@", "") + "?start=" + unitCode;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
