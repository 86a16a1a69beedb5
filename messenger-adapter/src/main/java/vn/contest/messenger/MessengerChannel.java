package vn.contest.messenger;

import io.javalin.config.JavalinConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import vn.contest.core.text.Redaction;

/**
 * Facebook Messenger on the province's Page, wired: the webhook (its handshake and signed events), the Send API
 * sender, the Page's Get Started button and menu set at start, the units' m.me links and the 24-hour window.
 */
public final class MessengerChannel implements Channel<JavalinConfig> {
    public static final String ID = "messenger";
    /**
     * The standard messaging window: a Page may write to a person for 24 hours after their last message. Past it only
     * a message tag would do, none of which fits a contest's reminders or announcements without a policy risk.
     */
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);
    /** Start payloads the dialogue reads are at most 64 characters; past that the link names the unit alone. */
    static final int MAX_REF = 64;
    /** The alert of a profile Graph refused (written out where it is raised, so the runbook's test finds it). */
    static final String PROFILE_ALERT = "MESSENGER_PROFILE_FAILED";
    private static final Logger log = LoggerFactory.getLogger(MessengerChannel.class);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MessengerConfig config;
    private final MessengerWebhook webhook;
    private final MessengerSender sender;
    private final MessengerProfile profile;
    private final MessengerChecks checks;
    private final OutboxStore outbox;
    private volatile String profileRefused;

    /** {@code dialogue} may be null for a channel built only for its checks (the doctor). */
    public MessengerChannel(MessengerConfig config, Dialogue dialogue, Jdbi jdbi) {
        this.config = config;
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(15)).build();
        MessengerApi api = new MessengerApi(config, http);
        this.webhook = new MessengerWebhook(config, dialogue);
        this.sender = new MessengerSender(api);
        this.profile = new MessengerProfile(api);
        this.checks = new MessengerChecks(config, api);
        this.outbox = jdbi == null ? null : new OutboxStore(jdbi);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Messenger";
    }

    @Override
    public Sender sender() {
        return sender;
    }

    /** 24 hours: reminders and announcements skip, and count, the people who last wrote before that. */
    @Override
    public Optional<Duration> replyWindow() {
        return Optional.of(REPLY_WINDOW);
    }

    /**
     * An m.me link, https://m.me/PAGE?ref=CONTEST-UNIT, with the Page's username (MESSENGER_PAGE_USERNAME). A new
     * thread gets the ref when the person taps Get Started; an existing one as a referral event.
     */
    @Override
    public Optional<String> unitLink(String contestCode, String unitCode) {
        if (config.pageUsername() == null) {
            return Optional.empty();
        }
        return Optional.of("https://m.me/" + config.pageUsername() + "?ref="
                + URLEncoder.encode(vn.contest.core.contest.StartLink.of(contestCode, unitCode, MAX_REF), StandardCharsets.UTF_8));
    }

    /** The m.me link with the contest and the unit, or the contest alone (the landing page's way in). */
    @Override
    public Optional<String> joinLink(String contestCode, Optional<String> unitCode) {
        if (config.pageUsername() == null) {
            return Optional.empty();
        }
        return Optional.of("https://m.me/" + config.pageUsername() + "?ref=" + URLEncoder.encode(
                unitCode.map(u -> vn.contest.core.contest.StartLink.of(contestCode, u, MAX_REF)).orElse(contestCode), StandardCharsets.UTF_8));
    }

    @Override
    public void install(JavalinConfig javalin) {
        webhook.install(javalin);
    }

    /** Sets the Get Started button, greeting and menu beside the start (a refusal becomes an alert, not a failed start). */
    @Override
    public void start() {
        log.info("Messenger channel on (Graph API {})", config.graphVersion());
        Thread t = new Thread(this::publishProfile, "messenger-profile");
        t.setDaemon(true);
        t.start();
    }

    void publishProfile() {
        Optional<String> refused = profile.publish();
        profileRefused = refused.orElse(null);
        refused.ifPresent(why -> log.warn("Messenger profile (Get Started, menu) not set: {}", Redaction.redact(why)));
    }

    @Override
    public List<Check> checks() {
        return checks.run();
    }

    /** A profile Graph refused, and messages held while the Page token is refused. */
    @Override
    public List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        String refused = profileRefused;
        if (refused != null) {
            alerts.add(new Alert("MESSENGER_PROFILE_FAILED", "Messenger: chưa đặt được nút Bắt đầu và menu của Trang (" + refused
                    + "); đường dẫn m.me của đơn vị cần nút Bắt đầu. Cần làm: kiểm tra MESSENGER_PAGE_TOKEN (quyền pages_messaging) rồi khởi động lại."));
        }
        if (outbox != null) {
            // A refused token is the only reason MessengerRefusals holds a message (MessengerRefusals.TOKEN_ALERT).
            for (OutboxStore.Held held : outbox.held(ID)) {
                alerts.add(new Alert("MESSENGER_TOKEN_INVALID", "Messenger: " + held.messages() + " tin đang chờ gửi (từ "
                        + AT.format(held.oldest().atZone(VIETNAM)) + ") vì Facebook không nhận Page access token (" + held.reason()
                        + "); cần làm: tạo Page access token mới cho Trang trong ứng dụng Meta, đặt MESSENGER_PAGE_TOKEN rồi khởi động lại."
                        + " Tin được gửi lại tự động, không bị bỏ."));
            }
        }
        return alerts;
    }
}
