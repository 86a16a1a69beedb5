package vn.contest.telegram;

import java.time.Clock;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.contest.core.channel.PageIdentity;
import vn.contest.core.message.ChatRef;

/**
 * The Telegram Mini App: the web chat page opened inside Telegram by the bot's "Thi ngay" menu button, acting as
 * the person's private chat with the bot. A private chat's id is its user's id, so the user {@code initData}
 * names is the chat {@code ChatRef("telegram", id)}: the same registration, phone and papers as the bot chat.
 */
final class MiniApp implements PageIdentity {
    static final String FORGED = "Không xác minh được tài khoản Telegram của bạn. Vui lòng mở trang thi bằng nút “"
            + TelegramTexts.MINI_APP_BUTTON + "” trong cuộc trò chuyện với bot.";
    static final String STALE = "Trang thi này đã mở từ hơn " + InitData.MAX_AGE.toHours() + " giờ trước. Vui lòng đóng trang và bấm lại nút “"
            + TelegramTexts.MINI_APP_BUTTON + "” trong cuộc trò chuyện với bot.";

    private final InitData initData;
    private final String url;

    MiniApp(String botToken, String url, Clock clock) {
        this.initData = new InitData(botToken, clock, InitData.MAX_AGE);
        this.url = url;
    }

    @Override
    public String channel() {
        return UpdateHandler.CHANNEL;
    }

    @Override
    public Verdict verify(String proof) {
        InitData.Result result = initData.check(proof);
        if (result instanceof InitData.Valid valid) {
            return new Proved(new ChatRef(UpdateHandler.CHANNEL, String.valueOf(valid.userId())), valid.authDate().plus(InitData.MAX_AGE));
        }
        return new Refused(((InitData.Invalid) result).problem() == InitData.Problem.STALE ? STALE : FORGED);
    }

    /** Telegram Web (web.telegram.org/k and /a) opens a Mini App in an iframe; the phone and desktop apps in a web view. */
    @Override
    public List<String> frameAncestors() {
        return List.of("https://web.telegram.org");
    }

    /** Makes "Thi ngay" the menu button of every private chat with the bot (beside the text field), opening the page. */
    void publishMenuButton(TelegramClient client) throws TelegramApiException {
        client.execute(SetChatMenuButton.builder().menuButton(MenuButtonWebApp.builder().text(TelegramTexts.MINI_APP_BUTTON)
                .webAppInfo(new WebAppInfo(url)).build()).build());
    }
}
