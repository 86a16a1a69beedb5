package vn.contest.messenger;

import java.io.IOException;
import java.util.List;
import vn.contest.core.check.Check;

/**
 * What can be checked of the Messenger channel without a participant: the Page token (whose Page it is, from
 * {@code GET /me}), the Graph API version in use, whether units get m.me links, and, said as hand checks, what no
 * Page-token call answers (the app's webhook and its fields, App Review of pages_messaging).
 */
final class MessengerChecks {
    private final MessengerConfig config;
    private final MessengerApi api;

    MessengerChecks(MessengerConfig config, MessengerApi api) {
        this.config = config;
        this.api = api;
    }

    List<Check> run() {
        return List.of(token(), links(), Check.warn("Messenger: webhook và quyền gửi tin",
                "mã Trang không đọc được cấu hình webhook của ứng dụng Meta nên không kiểm tra tự động",
                "trong ứng dụng Meta (developers.facebook.com), mục Messenger: webhook là " + webhookUrl()
                        + " với Verify token là MESSENGER_VERIFY_TOKEN, đã đăng ký Trang với messages, messaging_postbacks,"
                        + " messaging_referrals; quyền pages_messaging đã qua App Review (Advanced Access) thì người ngoài mới nhắn được;"
                        + " rồi nhắn \"xin chào\" tới Trang từ một tài khoản không có vai trò trong ứng dụng: lời chào phải đến trong vài giây"));
    }

    private Check token() {
        String subject = "Messenger: Page access token";
        try {
            MessengerApi.Reply reply = api.page();
            if (reply.ok()) {
                return Check.ok(subject, "của Trang \"" + reply.body().path("name").asText("?") + "\" (id " + reply.body().path("id").asText("?")
                        + "), Graph API " + config.graphVersion());
            }
            return Check.fail(subject, "Graph từ chối: " + reply.reason(), "tạo Page access token mới (quyền pages_messaging) trong ứng dụng Meta,"
                    + " đặt MESSENGER_PAGE_TOKEN rồi khởi động lại" + (reply.code() == 190 ? "" : "; kiểm tra cả MESSENGER_GRAPH_VERSION"));
        } catch (IOException e) {
            return Check.fail(subject, "không kết nối được Graph API (" + config.apiUrl() + "): " + e.getMessage(),
                    "kiểm tra mạng và tường lửa từ máy chủ ra " + config.apiUrl() + " (cổng 443), và MESSENGER_API_URL");
        }
    }

    private Check links() {
        String subject = "Messenger: đường dẫn theo đơn vị";
        return config.pageUsername() == null
                ? Check.warn(subject, "chưa có (MESSENGER_PAGE_USERNAME chưa đặt)",
                        "đặt MESSENGER_PAGE_USERNAME là tên người dùng của Trang (như trong facebook.com/<tên>) để mỗi đơn vị có đường dẫn m.me và mã QR")
                : Check.ok(subject, "https://m.me/" + config.pageUsername() + "?ref=<cuộc thi>-<đơn vị>");
    }

    private String webhookUrl() {
        return (config.publicUrl() == null ? "https://<tên miền>" : config.publicUrl()) + MessengerWebhook.PATH;
    }
}
