package vn.contest.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.contest.core.check.Check;

/** Whether the address people use (PUBLIC_URL) reaches this app through DNS, TLS and the proxy: its /health answers. */
final class PublicUrlCheck {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private PublicUrlCheck() {}

    static Check run(String publicUrl) {
        String subject = "Địa chỉ công khai (PUBLIC_URL)";
        if (publicUrl == null || publicUrl.isBlank()) {
            return Check.warn(subject, "chưa đặt: trang web không có đường dẫn theo đơn vị, webhook không kiểm tra được địa chỉ",
                    "đặt PUBLIC_URL là địa chỉ https mọi người dùng, ví dụ https://thi.backan.gov.vn");
        }
        String base = publicUrl.strip().replaceFirst("/+$", "");
        String health = base + "/health";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"status\"")) {
                return Check.fail(subject, health + " trả về HTTP " + r.statusCode() + " thay vì trạng thái của ứng dụng",
                        "kiểm tra proxy (nginx) chuyển mọi đường dẫn tới ứng dụng; HTTP 503 nghĩa là ứng dụng không tới được cơ sở dữ liệu");
            }
            if (!base.startsWith("https://")) {
                return Check.warn(subject, health + " trả lời, nhưng địa chỉ không phải https: Zalo và Telegram chỉ gọi webhook qua https",
                        "đặt chứng chỉ TLS ở proxy và PUBLIC_URL=https://…");
            }
            if (r.body().contains("degraded")) {
                return Check.warn(subject, health + " trả lời " + r.body(), "xem mục \"Cần xử lý\" ở trang Tổng quan của trang quản trị");
            }
            return Check.ok(subject, health + " trả lời ok");
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Check.fail(subject, "không mở được " + health + " (" + e.getClass().getSimpleName() + ")",
                    "kiểm tra DNS của tên miền, chứng chỉ TLS, proxy (nginx), và ứng dụng đang chạy (serve)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.fail(subject, "bị ngắt khi mở " + health, "chạy lại");
        }
    }
}
