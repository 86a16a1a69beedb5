package vn.contest.admin.pages;

/** How a phone was verified, in the committee's words. */
final class Verification {
    private Verification() {}

    static String label(String via) {
        if (via == null) {
            return "Chưa xác minh";
        }
        return switch (via) {
            case "telegram" -> "Đã xác minh (Telegram)";
            case "zalo" -> "Đã xác minh (Zalo)";
            case "web_code" -> "Đã xác minh (mã qua Zalo)";
            case "committee" -> "Đã xác minh qua điện thoại";
            default -> via;
        };
    }
}
