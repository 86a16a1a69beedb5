package vn.contest.app;

import java.util.Locale;

/** An upload refused because it is larger than MAX_UPLOAD_MB: told plainly, never a stack trace. */
final class UploadLimit {
    private UploadLimit() {}

    /** Whether the server stopped reading a request because of its size. */
    static boolean exceeded(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String message = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("exceeds") || message.contains("too large") || message.contains("max file size")
                    || message.contains("maxfilesize") || message.contains("maxrequestsize") || message.contains("413")) {
                return true;
            }
        }
        return false;
    }

    static String page(int maxUploadMb) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tệp quá lớn</title>"
                + "<link rel=\"stylesheet\" href=\"/admin-assets/admin.css\"></head><body><main><h1>Tệp quá lớn</h1>"
                + "<p class=\"error\">Tệp tải lên lớn hơn " + maxUploadMb + " MB nên không được nhận. "
                + "Hãy chia thành nhiều tệp nhỏ hơn (mỗi lần nhập tối đa 10.000 câu hỏi) rồi thử lại.</p>"
                + "<p><a href=\"/admin/questions\">Quay lại ngân hàng câu hỏi</a></p></main></body></html>";
    }
}
