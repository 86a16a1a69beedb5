package vn.contest.telegram;

/** What the Telegram channel itself says (the contest's own texts live in bot-core). */
final class TelegramTexts {
    private TelegramTexts() {}

    static final String PRIVATE_ONLY = "Cuộc thi chỉ diễn ra trong tin nhắn riêng với bot. Hãy nhắn riêng cho bot để đăng ký và dự thi.";
    static final String STALE_CALLBACK = "Tin nhắn này đã cũ. Vui lòng dùng câu hỏi mới nhất.";
    /** The Mini App's menu button (TELEGRAM_MINI_APP): opens the chat page inside Telegram. */
    static final String MINI_APP_BUTTON = "Thi ngay";
    static final String SHARE_PHONE = "📱 Gửi số điện thoại của tôi";
    static final String CMD_START = "Bắt đầu, đăng ký dự thi";
    static final String CMD_HELP = "Hướng dẫn";
    static final String CMD_RULES = "Thể lệ cuộc thi";
    static final String CMD_RESULTS = "Kết quả của tôi";
    static final String CMD_PRACTICE = "Luyện tập (không tính điểm)";
    static final String CMD_REVIEW = "Xem đáp án bài đã thi";
    static final String CMD_CANCEL = "Hủy bước đang làm";
    static final String CMD_CONTESTS = "Các cuộc thi, chuyển sang cuộc thi khác";
}
