package vn.contest.telegram;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.contest.core.channel.Channel;
import vn.contest.core.channel.PageIdentity;
import vn.contest.core.contest.StartLink;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.outbox.Sender;
import vn.contest.core.text.Redaction;

/** The Telegram channel, wired: webhook route or poller, the sender, and the bot's command menu. */
public final class TelegramChannel implements Channel<JavalinConfig> {
    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);
    static final int LONG_POLL_SECONDS = 25;

    private final TelegramConfig config;
    private final TelegramClient client;
    private final UpdateHandler handler;
    private final TelegramSender sender;
    private final Jdbi jdbi;
    /** The Mini App, when TELEGRAM_MINI_APP is on. */
    private final Optional<MiniApp> miniApp;
    private TelegramPoller poller;

    /** {@code jdbi} holds the poller's lock (polling mode); null for a channel used only to register the webhook. */
    public TelegramChannel(TelegramConfig config, Dialogue dialogue, Jdbi jdbi) {
        this.config = config;
        this.jdbi = jdbi;
        // Long polling holds a request open for LONG_POLL_SECONDS: the read time-out must outlast it.
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(LONG_POLL_SECONDS + 15))
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.client = new OkHttpTelegramClient(http, config.token(), config.telegramUrl());
        this.handler = new UpdateHandler(dialogue, client);
        this.sender = new TelegramSender(client, config.paidBroadcast());
        this.miniApp = config.miniAppUrl().map(url -> new MiniApp(config.token(), url, java.time.Clock.systemUTC()));
    }

    @Override
    public String id() {
        return "telegram";
    }

    @Override
    public String label() {
        return "Telegram";
    }

    @Override
    public Sender sender() {
        return sender;
    }

    /**
     * A deep link, t.me/BOT?start=CONTEST-UNIT: Telegram opens the bot and sends "/start CONTEST-UNIT". Needs the
     * bot's username (TELEGRAM_BOT_USERNAME), written with or without its "@". Telegram takes at most 64
     * characters there: past that the link names the unit alone, for the contest the chat is in.
     */
    @Override
    public Optional<String> unitLink(String contestCode, String unitCode) {
        String bot = config.botUsername();
        return bot == null || bot.isBlank() ? Optional.empty()
                : Optional.of("https://t.me/" + bot.replaceFirst("^@", "") + "?start=" + StartLink.of(contestCode, unitCode, 64));
    }

    /** The deep link with the contest and the unit, or the contest alone (the landing page's way in). */
    @Override
    public Optional<String> joinLink(String contestCode, Optional<String> unitCode) {
        String bot = config.botUsername();
        return bot == null || bot.isBlank() ? Optional.empty()
                : Optional.of("https://t.me/" + bot.replaceFirst("^@", "") + "?start="
                        + unitCode.map(u -> StartLink.of(contestCode, u, 64)).orElse(contestCode));
    }

    /** With TELEGRAM_MINI_APP: the Mini App's initData, checked with the bot's token (the web channel serves the page). */
    @Override
    public Optional<PageIdentity> pageIdentity() {
        return miniApp.map(m -> m);
    }

    /** Adds the webhook route (webhook mode only). */
    @Override
    public void install(JavalinConfig javalin) {
        if (config.mode() == TelegramConfig.Mode.WEBHOOK) {
            new TelegramWebhook(config.webhookSecret(), handler).install(javalin);
        }
    }

    /** Starts polling (polling mode) and publishes the command menu. */
    @Override
    public void start() {
        log.info("Telegram channel on ({} mode)", config.mode().name().toLowerCase());
        if (config.mode() == TelegramConfig.Mode.POLLING) {
            poller = new TelegramPoller(client, handler, jdbi, LONG_POLL_SECONDS);
            poller.start();
        }
        Thread commands = new Thread(() -> {
            try {
                publishCommands();
            } catch (TelegramApiException e) {
                log.warn("Telegram setMyCommands failed: {}", Redaction.redact(e.getMessage()));
            }
            try {
                publishMenuButton();
            } catch (TelegramApiException e) {
                log.warn("Telegram setChatMenuButton failed: {}", Redaction.redact(e.getMessage()));
            }
        }, "telegram-commands");
        commands.setDaemon(true);
        commands.start();
    }

    public void publishCommands() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(List.of(
                new BotCommand("start", TelegramTexts.CMD_START), new BotCommand("help", TelegramTexts.CMD_HELP),
                new BotCommand("thele", TelegramTexts.CMD_RULES), new BotCommand("ketqua", TelegramTexts.CMD_RESULTS),
                new BotCommand("luyentap", TelegramTexts.CMD_PRACTICE), new BotCommand("dapan", TelegramTexts.CMD_REVIEW),
                new BotCommand("cuocthi", TelegramTexts.CMD_CONTESTS), new BotCommand("huy", TelegramTexts.CMD_CANCEL))).build());
    }

    /** With the Mini App on, "Thi ngay" becomes the menu button of the bot's private chats; without it nothing is changed. */
    void publishMenuButton() throws TelegramApiException {
        if (miniApp.isPresent()) {
            miniApp.get().publishMenuButton(client);
        }
    }

    /** The bot's token and its webhook as Telegram has it ({@link TelegramChecks}). */
    @Override
    public List<vn.contest.core.check.Check> checks() {
        return new TelegramChecks(config, client, java.time.Clock.systemUTC()).run();
    }

    /** Points Telegram at {@code url} (which must end in /webhooks/telegram) with our secret and update types. */
    public void registerWebhook(String url) throws TelegramApiException {
        client.execute(SetWebhook.builder().url(url).secretToken(config.webhookSecret())
                .allowedUpdates(UpdateHandler.ALLOWED_UPDATES).build());
        publishCommands();
        publishMenuButton();
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        handler.close();
    }
}
