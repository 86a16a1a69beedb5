package vn.contest.zalo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import vn.contest.core.check.Check;

/**
 * What can be checked of the Zalo channel without a participant, with the endpoints Zalo documents: the token pair
 * (refreshed, so it is proved refreshable, and when the access token expires), the domain verification the
 * webhook's registration needs (the home page's meta tag and the verifier file, fetched over PUBLIC_URL), the phone
 * card's picture, and which messages reminders may cost. What no documented endpoint answers (the webhook as
 * registered, the OA's identity, a ZNS template's state) is said so, with the hand check that settles it.
 */
final class ZaloChecks {
    /** A pair refreshed this recently is not refreshed again by a check (each refresh spends a refresh token). */
    static final Duration RECENT_REFRESH = Duration.ofHours(1);
    static final String META = "zalo-platform-site-verification";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final String NEW_PAIR = "nhờ quản trị viên OA cấp cặp token mới (developers.zalo.me, API Explorer, loại OA access token),"
            + " đặt ZALO_ACCESS_TOKEN và ZALO_REFRESH_TOKEN rồi chạy: java -jar app/target/contest-app.jar zalo-tokens";

    private final ZaloConfig config;
    private final ZaloTokens tokens;
    private final OkHttpClient http;
    private final Clock clock;

    ZaloChecks(ZaloConfig config, ZaloTokens tokens, OkHttpClient http, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.http = http;
        this.clock = clock;
    }

    List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(tokenPair());
        checks.add(Check.warn("Zalo: webhook và OA", "tài liệu Zalo (bản tham chiếu của dự án) không có API đọc địa chỉ webhook đã đăng ký"
                        + " hay thông tin OA, nên không kiểm tra được tự động",
                "trong trang Webhook của ứng dụng (developers.zalo.me) xem địa chỉ là " + webhookUrl()
                        + " và đã bật user_send_text, user_submit_info, follow; rồi nhắn \"xin chào\" tới OA từ một điện thoại:"
                        + " lời chào phải đến trong vài giây"));
        checks.add(domainVerification());
        checks.add(cardImage());
        checks.add(templates());
        checks.add(Check.ok("Zalo: tin nhắc và thông báo", config.paidMessages()
                ? "gửi cho người nhắn OA trong 7 ngày gần nhất; tin sau 48 giờ được Zalo tính phí vào Zalo Cloud Account của OA (ZALO_PAID_MESSAGES=true)"
                : "chỉ gửi cho người nhắn OA trong 48 giờ gần nhất, khi tin còn miễn phí (ZALO_PAID_MESSAGES chưa bật)"));
        return checks;
    }

    private Check tokenPair() {
        String subject = "Zalo: cặp access token / refresh token";
        try {
            tokens.seed();
            ZaloTokens.State state = tokens.refreshUnlessRecent(RECENT_REFRESH);
            String expires = AT.format(state.expiresAt().atZone(ZaloRefusals.VIETNAM));
            if (!state.expiresAt().isAfter(clock.instant())) {
                return Check.fail(subject, "access token đã hết hạn lúc " + expires, NEW_PAIR);
            }
            return Check.ok(subject, "làm mới được (lần gần nhất " + AT.format(state.refreshedAt().atZone(ZaloRefusals.VIETNAM))
                    + "); access token còn hạn đến " + expires + ", ứng dụng tự làm mới trước khi hết hạn");
        } catch (IllegalStateException e) {
            String reason = e.getMessage();
            if (reason != null && reason.startsWith(ZaloTokens.NO_ANSWER)) {
                return Check.fail(subject, "không kết nối được máy chủ OAuth của Zalo (" + config.oauthUrl() + "): " + reason,
                        "kiểm tra mạng và tường lửa từ máy chủ ra " + config.oauthUrl() + " (cổng 443), và ZALO_OAUTH_URL");
            }
            return Check.fail(subject, "Zalo từ chối làm mới: " + reason + " (kiểm tra cả ZALO_APP_ID và ZALO_APP_SECRET)", NEW_PAIR);
        }
    }

    private String webhookUrl() {
        return (config.publicUrl() == null ? "https://<tên miền>" : config.publicUrl()) + ZaloWebhook.PATH;
    }

    private Check domainVerification() {
        String subject = "Zalo: xác thực domain";
        if (config.siteVerification() == null) {
            return Check.warn(subject, "ZALO_SITE_VERIFICATION chưa đặt: Zalo chỉ cho lưu địa chỉ webhook trên domain đã xác thực",
                    "nếu domain chưa được xác thực: lấy mã ở trang \"Xác thực domain\" của ứng dụng (developers.zalo.me), đặt"
                            + " ZALO_SITE_VERIFICATION, khởi động lại rồi bấm xác thực (Zalo duyệt có thể mất đến 72 giờ)");
        }
        if (config.publicUrl() == null) {
            return Check.fail(subject, "PUBLIC_URL chưa đặt, nên không biết Zalo sẽ đọc trang nào",
                    "đặt PUBLIC_URL là địa chỉ https mọi người dùng (ví dụ https://thi.backan.gov.vn)");
        }
        String meta = "<meta name=\"" + META + "\" content=\"" + config.siteVerification() + "\"";
        String file = config.publicUrl() + "/zalo_verifier" + config.siteVerification() + ".html";
        try {
            Optional<String> home = fetch(config.publicUrl() + "/");
            Optional<String> verifier = fetch(file);
            if (home.isEmpty() || !home.get().contains(meta)) {
                return Check.fail(subject, "trang chủ " + config.publicUrl() + "/ không có thẻ meta " + META,
                        "kiểm tra proxy (nginx) chuyển / tới ứng dụng, và ứng dụng chạy với ZALO_SITE_VERIFICATION này");
            }
            if (verifier.isEmpty() || !verifier.get().contains(config.siteVerification())) {
                return Check.fail(subject, file + " không trả về tệp xác thực",
                        "kiểm tra proxy (nginx) chuyển /zalo_verifier….html tới ứng dụng");
            }
            return Check.ok(subject, "trang chủ có thẻ meta và " + file + " trả về tệp xác thực");
        } catch (IOException e) {
            return Check.fail(subject, "không mở được " + config.publicUrl() + ": " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    "kiểm tra DNS, chứng chỉ TLS và proxy của tên miền, và ứng dụng đang chạy (serve)");
        }
    }

    private Check cardImage() {
        String subject = "Zalo: ảnh của thẻ chia sẻ số điện thoại";
        Optional<String> image = config.cardImage();
        if (image.isEmpty()) {
            return Check.warn(subject, "thẻ được gửi không có ảnh (image_url); mẫu của Zalo có ảnh và một đối tác ghi là bắt buộc",
                    "đặt PUBLIC_URL (https) để dùng ảnh của ứng dụng, hoặc ZALO_USER_INFO_IMAGE_URL là ảnh PNG/JPG qua https");
        }
        try (Response r = http.newCall(new Request.Builder().url(image.get()).get().build()).execute()) {
            String type = r.header("Content-Type", "");
            if (r.code() != 200 || !(type.startsWith("image/png") || type.startsWith("image/jpeg"))) {
                return Check.fail(subject, image.get() + " trả về HTTP " + r.code() + " " + type + ", không phải ảnh PNG/JPG",
                        "đặt ZALO_USER_INFO_IMAGE_URL là một ảnh PNG/JPG mở được qua https, hoặc bỏ trống để dùng ảnh của ứng dụng");
            }
            return Check.ok(subject, image.get() + " mở được (" + type + ")");
        } catch (IOException | IllegalArgumentException e) {
            return Check.fail(subject, "không mở được " + image.get() + ": " + e.getClass().getSimpleName(),
                    "kiểm tra DNS, TLS và proxy của địa chỉ ảnh, và ứng dụng đang chạy (serve) nếu là ảnh của ứng dụng");
        }
    }

    private Check templates() {
        String subject = "Zalo: mẫu ZNS mã xác minh";
        if (config.znsOtpTemplateId() == null) {
            return Check.ok(subject, "chưa cấu hình (ZALO_ZNS_OTP_TEMPLATE_ID): số điện thoại gõ trên trang web không được xác minh bằng mã");
        }
        return Check.warn(subject, "mẫu " + config.znsOtpTemplateId() + " đã cấu hình; tài liệu tham chiếu không có API đọc mẫu ZNS"
                        + " (có không, đã duyệt chưa, có tham số otp không), nên không kiểm tra được tự động",
                "gửi một mã thử tới số điện thoại Zalo của bạn: java -jar app/target/contest-app.jar doctor --test-code 09xxxxxxxx");
    }

    /** The body of a page over PUBLIC_URL; empty when it does not answer 200. */
    private Optional<String> fetch(String url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            return r.code() == 200 ? Optional.of(r.body().string()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL: " + url, e);
        }
    }
}
