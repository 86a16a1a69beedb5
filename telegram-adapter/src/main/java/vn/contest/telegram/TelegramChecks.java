package vn.contest.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.contest.core.check.Check;
import vn.contest.core.text.Redaction;

/**
 * What can be checked of the bot without a participant: the token ({@code getMe}, and whether it is the bot the
 * units' links name) and the webhook's registration, address, allowed updates, backlog and last error
 * ({@code getWebhookInfo}).
 */
final class TelegramChecks {
    /** More updates than this waiting at Telegram means the webhook is falling behind. */
    static final int BACKLOG = 100;
    /** A delivery error Telegram reports from within this long ago is still news. */
    static final Duration RECENT_ERROR = Duration.ofHours(24);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final TelegramConfig config;
    private final TelegramClient client;
    private final Clock clock;

    TelegramChecks(TelegramConfig config, TelegramClient client, Clock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
    }

    List<Check> run() {
        List<Check> checks = new ArrayList<>();
        User bot;
        try {
            bot = client.execute(new GetMe());
        } catch (TelegramApiException e) {
            checks.add(refused("Telegram: mã bot (TELEGRAM_BOT_TOKEN)", e,
                    "lấy lại mã của bot từ @BotFather (lệnh /token) và đặt TELEGRAM_BOT_TOKEN"));
            return checks; // without a working token nothing else can be asked
        }
        String username = config.botUsername() == null ? null : config.botUsername().replaceFirst("^@", "");
        if (username != null && !username.equalsIgnoreCase(bot.getUserName())) {
            checks.add(Check.fail("Telegram: mã bot (TELEGRAM_BOT_TOKEN)", "mã thuộc bot @" + bot.getUserName()
                            + ", nhưng TELEGRAM_BOT_USERNAME là @" + username + ": đường dẫn của các đơn vị sẽ mở nhầm bot",
                    "đặt TELEGRAM_BOT_USERNAME=" + bot.getUserName() + ", hoặc đặt mã của bot @" + username));
        } else {
            checks.add(Check.ok("Telegram: mã bot (TELEGRAM_BOT_TOKEN)", "bot @" + bot.getUserName() + " (id " + bot.getId() + ")"));
        }
        try {
            checks.add(webhook(client.execute(new GetWebhookInfo())));
        } catch (TelegramApiException e) {
            checks.add(refused("Telegram: webhook", e, "thử lại sau ít phút; nếu vẫn lỗi, kiểm tra mạng ra " + config.apiUrl()));
        }
        return checks;
    }

    private Check webhook(WebhookInfo info) {
        String subject = "Telegram: webhook";
        String url = info.getUrl() == null ? "" : info.getUrl();
        int pending = info.getPendingUpdatesCount() == null ? 0 : info.getPendingUpdatesCount();
        String register = "chạy: java -jar app/target/contest-app.jar telegram-webhook "
                + config.expectedWebhook().orElse("https://<tên miền>" + TelegramWebhook.PATH);
        if (config.mode() == TelegramConfig.Mode.POLLING) {
            return url.isEmpty() ? Check.ok(subject, "chế độ polling, không đặt webhook; " + pending + " tin đang chờ")
                    : Check.warn(subject, "chế độ polling nhưng Telegram đang gửi tới webhook " + url,
                            "không cần làm gì nếu ứng dụng đang chạy: khi chạy, nó xoá webhook này để tự lấy tin");
        }
        if (url.isEmpty()) {
            return Check.fail(subject, "chưa đăng ký webhook: Telegram không gửi tin nào tới ứng dụng", register);
        }
        if (config.expectedWebhook().isPresent() && !config.expectedWebhook().get().equals(url)) {
            return Check.fail(subject, "webhook đang trỏ tới " + url + ", không phải " + config.expectedWebhook().get(), register);
        }
        List<String> allowed = info.getAllowedUpdates() == null ? List.of() : info.getAllowedUpdates();
        if (!allowed.isEmpty() && !allowed.containsAll(UpdateHandler.ALLOWED_UPDATES)) {
            return Check.fail(subject, "webhook không nhận " + String.join(", ", UpdateHandler.ALLOWED_UPDATES.stream()
                    .filter(u -> !allowed.contains(u)).toList()) + ": nút bấm hoặc tin nhắn sẽ không đến", register);
        }
        if (info.getLastErrorDate() != null && info.getLastErrorDate() > 0) {
            Instant at = Instant.ofEpochSecond(info.getLastErrorDate());
            if (at.isAfter(clock.instant().minus(RECENT_ERROR))) {
                return Check.warn(subject, url + "; Telegram báo lỗi lúc " + AT.format(at) + ": "
                                + Redaction.redact(String.valueOf(info.getLastErrorMessage())) + "; " + pending + " tin đang chờ",
                        "mở " + config.expectedWebhook().map(u -> u.replace(TelegramWebhook.PATH, "/health")).orElse("/health")
                                + " và kiểm tra proxy, chứng chỉ TLS; xem docs/OPERATIONS.md, \"Webhook bị chậm\"");
            }
        }
        if (pending > BACKLOG) {
            return Check.warn(subject, url + "; " + pending + " tin đang chờ ở Telegram: ứng dụng nhận chậm hơn tin đến",
                    "xem docs/OPERATIONS.md, \"Webhook bị chậm\"");
        }
        return Check.ok(subject, "đã đăng ký tới " + url + "; " + pending + " tin đang chờ");
    }

    /** A refused or unanswered call: the token is wrong, or Telegram cannot be reached. */
    private Check refused(String subject, TelegramApiException e, String whatToDo) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && (r.getErrorCode() == 401 || r.getErrorCode() == 404)) {
            return Check.fail(subject, "Telegram từ chối mã bot (" + r.getErrorCode() + " " + Redaction.redact(r.getApiResponse()) + ")", whatToDo);
        }
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
            return Check.fail(subject, "Telegram trả lời lỗi " + r.getErrorCode() + " " + Redaction.redact(r.getApiResponse()),
                    "thử lại sau ít phút");
        }
        return Check.fail(subject, "không kết nối được " + config.apiUrl() + " (" + e.getClass().getSimpleName() + ")",
                "kiểm tra mạng, DNS và tường lửa từ máy chủ ra " + config.apiUrl() + " (cổng 443), và TELEGRAM_API_URL");
    }
}
