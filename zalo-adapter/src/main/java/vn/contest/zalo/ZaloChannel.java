package vn.contest.zalo;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.contest.core.check.Check;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.outbox.Sender;
import vn.contest.core.verify.CodeSender;

/**
 * The Zalo OA channel, wired: webhook route, sender, the token kept fresh ahead of its 25-hour expiry, the domain
 * verification Zalo's console asks for, and the phone card's picture.
 */
public final class ZaloChannel implements Channel<JavalinConfig> {
    private static final Logger log = LoggerFactory.getLogger(ZaloChannel.class);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    /** An OA may send a consultation message only to someone who wrote to it in the last 7 days (error -230). */
    public static final Duration REPLY_WINDOW = Duration.ofDays(7);
    /** Consultation messages are free for 48 hours after the person's last message, billed to the OA from then to 7 days. */
    public static final Duration FREE_WINDOW = Duration.ofHours(48);

    private final ZaloConfig config;
    private final ZaloTokens tokens;
    private final ZaloWebhook webhook;
    private final ZaloSender sender;
    private final ZnsCodeSender codes;
    private final OutboxStore outbox;
    private final ZaloChecks checks;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zalo-token-refresh");
        t.setDaemon(true);
        return t;
    });

    public ZaloChannel(ZaloConfig config, Dialogue dialogue, Jdbi jdbi, Clock clock) {
        this.config = config;
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(15)).build();
        this.tokens = new ZaloTokens(jdbi, config, http, clock);
        ZaloApi api = new ZaloApi(config, http, tokens);
        TapTexts taps = new TapTexts(jdbi);
        this.webhook = new ZaloWebhook(config, dialogue, api, taps, clock);
        this.sender = new ZaloSender(api, taps, config.cardImage(), clock);
        this.codes = config.znsOtpTemplateId() == null ? null
                : new ZnsCodeSender(api, config.znsOtpTemplateId(), config.znsBudget(), jdbi, clock);
        this.outbox = new OutboxStore(jdbi);
        this.checks = new ZaloChecks(config, tokens, http, clock);
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

    /**
     * 48 hours, while messages are free; the platform's 7 days when the committee accepts paid ones
     * (ZALO_PAID_MESSAGES=true). Reminders and announcements skip the people outside it.
     */
    @Override
    public Optional<Duration> replyWindow() {
        return Optional.of(config.paidMessages() ? REPLY_WINDOW : FREE_WINDOW);
    }

    /**
     * None: Zalo documents no link to an OA that carries a parameter through to the webhook (a follow event
     * says only "oa_profile"), so no poster link could say which unit brought a person.
     */
    @Override
    public Optional<String> unitLink(String contestCode, String unitCode) {
        return Optional.empty();
    }

    /**
     * The OA's page, https://zalo.me/OA_ID, when ZALO_OA_ID is set: it carries no unit (see {@link #unitLink}), so
     * the landing page tells the person what to send.
     */
    @Override
    public Optional<String> joinLink(String contestCode, Optional<String> unitCode) {
        return Optional.ofNullable(config.oaId()).map(id -> "https://zalo.me/" + id);
    }

    /** One-time codes for phones typed on the web, when a ZNS OTP template is configured. */
    @Override
    public Optional<CodeSender> codeSender() {
        return Optional.ofNullable(codes);
    }

    /** The meta tag of the console's "Xác thực domain", when ZALO_SITE_VERIFICATION is set. */
    @Override
    public Map<String, String> homePageMeta() {
        return config.siteVerification() == null ? Map.of() : Map.of(ZaloChecks.META, config.siteVerification());
    }

    /** The webhook; the verifier file Zalo's console may ask for instead of the meta tag; the phone card's picture. */
    @Override
    public void install(JavalinConfig javalin) {
        webhook.install(javalin);
        if (config.siteVerification() != null) {
            String page = "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"" + ZaloChecks.META + "\" content=\""
                    + config.siteVerification() + "\" /></head><body>" + config.siteVerification() + "</body></html>";
            javalin.routes.get("/zalo_verifier" + config.siteVerification() + ".html", ctx -> ctx.html(page));
        }
        byte[] picture = picture();
        javalin.routes.get(ZaloConfig.DEFAULT_IMAGE_PATH, ctx -> ctx.contentType("image/png").header("Cache-Control", "max-age=86400")
                .result(picture));
    }

    private static byte[] picture() {
        try (InputStream in = ZaloChannel.class.getResourceAsStream("/zalo/chia-se-so-dien-thoai.png")) {
            if (in == null) {
                throw new IllegalStateException("the phone card's picture is missing from the zalo-adapter jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes the pair an OA admin granted anew (ZALO_ACCESS_TOKEN, ZALO_REFRESH_TOKEN) in place of the stored one
     * ({@link ZaloTokens#replaceWithConfigured}); returns when the new access token expires, Vietnam time.
     * Throws with Zalo's reason when the configured refresh token is refused (the stored pair is then unchanged).
     */
    public String takeConfiguredTokens() {
        return DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(tokens.replaceWithConfigured().expiresAt().atZone(ZaloRefusals.VIETNAM));
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

    /** The token pair, the domain verification, the card's picture, what cannot be checked (see {@link ZaloChecks}). */
    @Override
    public List<Check> checks() {
        return checks.run();
    }

    /**
     * A refresh failure, and messages Zalo holds back for a reason on the OA's side (quota, package, balance, night),
     * to show on /health (codes) and in the admin web (texts).
     */
    @Override
    public List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        tokens.alert().map(text -> new Alert("ZALO_TOKEN_REFRESH_FAILED", text)).ifPresent(alerts::add);
        if (codes != null) {
            codes.budgetAlert().ifPresent(alerts::add);
        }
        for (OutboxStore.Held held : outbox.held(id())) {
            ZaloRefusals.Hold hold = ZaloRefusals.Hold.byAlert(held.alert()).orElse(null);
            alerts.add(new Alert(held.alert(), "Zalo: " + held.messages() + " tin đang chờ gửi (từ "
                    + AT.format(held.oldest().atZone(ZaloRefusals.VIETNAM)) + ") vì "
                    + (hold == null ? "Zalo từ chối (" + held.reason() + ")" : hold.why + " (" + held.reason() + "); cần làm: " + hold.whatToDo)
                    + ". Tin được gửi lại tự động, không bị bỏ."));
        }
        return alerts;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        webhook.close();
    }
}
