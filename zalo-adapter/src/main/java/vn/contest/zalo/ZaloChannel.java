package vn.contest.zalo;

import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.channel.Alert;
import vn.contest.core.channel.Channel;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.outbox.Sender;
import vn.contest.core.verify.CodeSender;

/** The Zalo OA channel, wired: webhook route, sender, and the token kept fresh ahead of its 25-hour expiry. */
public final class ZaloChannel implements Channel<JavalinConfig> {
    private static final Logger log = LoggerFactory.getLogger(ZaloChannel.class);

    private final ZaloTokens tokens;
    private final ZaloWebhook webhook;
    private final ZaloSender sender;
    private final ZnsCodeSender codes;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zalo-token-refresh");
        t.setDaemon(true);
        return t;
    });

    public ZaloChannel(ZaloConfig config, Dialogue dialogue, Jdbi jdbi, Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(15)).build();
        this.tokens = new ZaloTokens(jdbi, config, http, clock);
        ZaloApi api = new ZaloApi(config, http, tokens);
        this.webhook = new ZaloWebhook(config, dialogue, api, clock);
        this.sender = new ZaloSender(api);
        this.codes = config.znsOtpTemplateId() == null ? null : new ZnsCodeSender(api, config.znsOtpTemplateId());
    }

    @Override
    public String id() {
        return "zalo";
    }

    @Override
    public String label() {
        return "Zalo";
    }

    @Override
    public Sender sender() {
        return sender;
    }

    /** An OA may send a consultation message only to someone who wrote to it in the last 7 days (error -230). */
    public static final java.time.Duration REPLY_WINDOW = java.time.Duration.ofDays(7);

    @Override
    public Optional<java.time.Duration> replyWindow() {
        return Optional.of(REPLY_WINDOW);
    }

    /**
     * None: Zalo documents no link to an OA that carries a parameter through to the webhook (a follow event
     * says only "oa_profile"), so no poster link could say which unit brought a person.
     */
    @Override
    public Optional<String> unitLink(String unitCode) {
        return Optional.empty();
    }

    /** One-time codes for phones typed on the web, when a ZNS OTP template is configured. */
    @Override
    public Optional<CodeSender> codeSender() {
        return Optional.ofNullable(codes);
    }

    @Override
    public void install(JavalinConfig javalin) {
        webhook.install(javalin);
    }

    @Override
    public void start() {
        log.info("Zalo OA channel on");
        tokens.seed();
        refresher.scheduleWithFixedDelay(() -> {
            try {
                tokens.refreshIfDue();
            } catch (RuntimeException e) {
                // Already logged loudly and recorded by ZaloTokens; the next round tries again.
                log.debug("scheduled Zalo refresh failed: {}", e.toString());
            }
        }, 1, 10, TimeUnit.MINUTES);
    }

    /** A refresh failure, to show on /health and in the admin web. */
    @Override
    public List<Alert> alerts() {
        return tokens.alert().map(text -> new Alert("ZALO_TOKEN_REFRESH_FAILED", text)).stream().toList();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        webhook.close();
    }
}
