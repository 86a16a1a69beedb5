package vn.contest.core.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Everything the bot says, in Vietnamese, and how it writes times, durations and numbers. */
public final class Texts {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Texts() {}

    // --- Registration ---
    static final String WELCOME = "Chào mừng bạn đến với %s!\n%s\n\nThời gian thi: từ %s đến %s.";
    static final String CONSENT = """
            Để dự thi, bạn cần cung cấp họ tên, ngày sinh, số điện thoại, nhóm đối tượng và đơn vị. \
            Ban Tổ chức chỉ dùng các thông tin này để tổ chức cuộc thi, xét và trao giải, \
            theo Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.
            %s

            Bạn có đồng ý không?""";
    static final String CONSENT_HINT = "Vui lòng chọn \"Đồng ý\" (hoặc gõ: đồng ý) để bắt đầu đăng ký, hoặc gõ \"thể lệ\" để xem thể lệ.";
    static final String CONSENT_DECLINED = """
            Bạn chưa đồng ý nên chưa thể đăng ký dự thi. Thông tin của bạn không được lưu lại.
            Khi sẵn sàng, bạn chỉ cần gõ "đồng ý".""";
    static final String ASK_NAME = "Bước 1/5. Vui lòng nhập họ và tên đầy đủ, có dấu (ví dụ: Nguyễn Văn An).";
    static final String NAME_HINT = "Họ và tên chỉ gồm chữ cái, dài từ 2 đến 80 ký tự, có cả họ và tên (ví dụ: Nguyễn Văn An).";
    static final String ASK_BIRTH_DATE = "Bước 2/5. Vui lòng nhập ngày sinh theo dạng ngày/tháng/năm (ví dụ: 25/08/1990).";
    static final String BIRTH_DATE_HINT = "Ngày sinh chưa đúng. Vui lòng nhập theo dạng ngày/tháng/năm, ví dụ: 25/08/1990.";
    static final String BIRTH_DATE_IMPOSSIBLE = "Ngày sinh này không hợp lệ. Vui lòng kiểm tra và nhập lại (ví dụ: 25/08/1990).";
    static final String TOO_YOUNG = """
            Rất tiếc, theo thể lệ, người dự thi phải đủ %d tuổi tính đến ngày %s. Cảm ơn bạn đã quan tâm đến cuộc thi!
            Nếu bạn nhập nhầm ngày sinh, vui lòng nhập lại.""";
    static final String ASK_PHONE = "Bước 3/5. Vui lòng nhập số điện thoại di động của bạn (ví dụ: 0912345678). Ban Tổ chức dùng số này để liên hệ khi trao giải.";
    static final String PHONE_HINT = "Số điện thoại chưa đúng. Vui lòng nhập số di động 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ: 0912345678).";
    static final String PHONE_TAKEN = """
            Số điện thoại này đã được dùng để đăng ký dự thi. Mỗi người chỉ đăng ký một lần.
            Nếu đó là bạn, hãy tiếp tục thi trên kênh bạn đã đăng ký; nếu không, vui lòng nhập số khác hoặc liên hệ Ban Tổ chức.""";
    static final String PHONE_CLAIMED = """
            Số điện thoại này đã có một đăng ký khác nhưng chưa được xác minh. Vì số của bạn đã được xác minh, \
            bạn được đăng ký với số này; đăng ký kia được chuyển cho Ban Tổ chức xem xét.""";
    static final String ASK_CODE = """
            Mã xác minh gồm 6 chữ số đã được gửi qua Zalo tới số %s. Vui lòng nhập mã (có hiệu lực %d phút).
            Không nhận được mã? Chọn "Gửi lại mã", hoặc "Bỏ qua" để đăng ký mà chưa xác minh \
            (chỉ người đã xác minh số điện thoại mới được xét giải).""";
    static final String CODE_HINT = "Mã xác minh gồm 6 chữ số (ví dụ: 482913). Vui lòng nhập lại, hoặc chọn \"Gửi lại mã\".";
    static final String CODE_WRONG = "Mã chưa đúng. Bạn còn %d lần thử.";
    static final String CODE_EXPIRED = "Mã đã hết hiệu lực. Vui lòng chọn \"Gửi lại mã\" để nhận mã mới.";
    static final String CODE_NO_TRIES_LEFT = "Bạn đã nhập sai %d lần. Vui lòng chọn \"Gửi lại mã\" để nhận mã mới, hoặc \"Bỏ qua\".";
    static final String CODE_LIMIT = """
            Số điện thoại này đã được gửi %d mã trong một giờ qua. Vui lòng thử lại sau, hoặc chọn "Bỏ qua" \
            để đăng ký mà chưa xác minh.""";
    static final String CODE_LIMIT_CHAT = """
            Cuộc trò chuyện này đã yêu cầu %d mã xác minh trong một giờ qua (mỗi cuộc trò chuyện tối đa %d mã một giờ, \
            dù nhập số nào). Vui lòng thử lại sau, hoặc chọn "Bỏ qua" để đăng ký mà chưa xác minh.""";
    static final String CODE_LIMIT_ADDRESS = """
            Nhiều người cùng mạng Internet với bạn (cùng cơ quan, trường học...) vừa nhận mã xác minh: mỗi mạng \
            nhận tối đa %d mã trong %d phút. Vui lòng chờ khoảng %d phút rồi chọn "Gửi lại mã", hoặc chọn "Bỏ qua" \
            để đăng ký ngay mà chưa xác minh.""";
    static final String CODE_LIMIT_DAILY = """
            Hôm nay hệ thống đã gửi hết số mã xác minh qua Zalo dành cho cuộc thi. Bạn vẫn có thể chọn "Bỏ qua" \
            để đăng ký và dự thi ngay; số điện thoại chưa xác minh có thể được Ban Tổ chức xác minh sau \
            (chỉ người đã xác minh số điện thoại mới được xét giải).""";
    static final String CODE_SENT_AGAIN = "Đã gửi lại mã xác minh qua Zalo.";
    static final String CODE_NOT_SENT = """
            Chưa gửi được mã tới số này (số chưa dùng Zalo, hoặc Zalo đang bận). Bạn có thể chọn "Gửi lại mã" \
            sau ít phút, "Đổi số", hoặc "Bỏ qua" để đăng ký mà chưa xác minh.""";
    static final String CODE_RESEND_BUTTON = "Gửi lại mã";
    static final String CODE_SKIP_BUTTON = "Bỏ qua";
    static final String CODE_CHANGE_BUTTON = "Đổi số";
    static final String EXCLUDED = """
            Theo thể lệ, thành viên Ban Tổ chức, Tổ soạn thảo và Tổ Thư ký không tham gia dự thi. \
            Cảm ơn anh/chị đã đồng hành cùng cuộc thi!
            Nếu có nhầm lẫn, vui lòng liên hệ Ban Tổ chức.""";
    static final String ASK_ID_NUMBER = "Vui lòng nhập số căn cước công dân (12 chữ số) của bạn.";
    static final String ID_NUMBER_HINT = "Số căn cước chưa đúng. Vui lòng nhập đủ 12 chữ số (hoặc 9 chữ số với chứng minh nhân dân cũ).";
    static final String ID_NUMBER_TAKEN = "Số căn cước này đã được dùng để đăng ký dự thi. Mỗi người chỉ đăng ký một lần; nếu có nhầm lẫn, vui lòng liên hệ Ban Tổ chức.";
    static final String ASK_GROUP = """
            Bước 4/5. Bạn thuộc nhóm đối tượng nào?
            %s
            Chọn nút hoặc gõ %s.""";
    static final String ASK_UNIT = "Bước 5/5. Bạn đang sinh sống, làm việc hoặc học tập tại đơn vị nào? Chọn nút hoặc gõ số thứ tự:";
    static final String ASK_SUB_UNIT = "Bạn thuộc xã, phường hay đơn vị nào của %s? Chọn nút hoặc gõ số thứ tự:";
    static final String SUB_UNIT_SELF = "Trực thuộc %s";
    static final String REFERRAL_UNIT = "Bạn đến từ đường dẫn của %s. Nếu đúng, hãy chọn nút \"%s\"; nếu không, chọn đơn vị của bạn.";
    static final String UNIT_HINT = "Chưa tìm thấy đơn vị này. Vui lòng gõ số thứ tự trong danh sách (ví dụ: 3), hoặc gõ \"quay lại\".";
    static final String BACK = "Quay lại";
    static final String CONFIRM = """
            Vui lòng kiểm tra thông tin đăng ký:
            • Họ và tên: %s
            • Ngày sinh: %s
            • Số điện thoại: %s%s
            • Nhóm: %s
            • Đơn vị: %s
            Chọn "Xác nhận" nếu đúng, hoặc "Sửa lại" để nhập lại.""";
    static final String CONFIRM_ID = "\n• Số căn cước: %s";
    static final String CONFIRM_HINT = "Vui lòng chọn \"Xác nhận\" (gõ: xác nhận) hoặc \"Sửa lại\" (gõ: sửa).";
    static final String REGISTERED = "Đăng ký thành công! Chúc bạn thi tốt.";
    static final String ROUND_DEADLINE = "Hạn chót của %s: %s. Hãy hoàn thành lượt thi trước thời điểm này.";
    static final String ASK_REMINDERS = """
            Bạn có muốn nhận tin nhắc %s trước khi mỗi đợt thi kết thúc, nếu bạn chưa hoàn thành lượt thi nào trong đợt đó không? \
            Nếu có, chọn "Nhận nhắc nhở" (hoặc gõ: nhắc nhở); gõ "tắt nhắc nhở" để tắt bất cứ lúc nào.""";
    static final String REMINDERS_YES_BUTTON = "Nhận nhắc nhở";
    static final String REMINDERS_ON = "Đã bật nhắc nhở. Gõ \"tắt nhắc nhở\" nếu bạn không muốn nhận nữa.";
    static final String REMINDERS_OFF = "Đã tắt nhắc nhở. Gõ \"nhắc nhở\" nếu bạn muốn nhận lại.";
    static final String REMINDERS_NONE = "Cuộc thi này không gửi tin nhắc nhở.";
    static final String NOT_REGISTERED_REMINDERS = "Bạn cần đăng ký dự thi trước khi bật nhắc nhở.";
    static final String REMINDER = """
            ⏰ Nhắc nhở: %s kết thúc lúc %s. Bạn chưa hoàn thành lượt thi nào trong đợt này.
            Gõ "thi" để bắt đầu, hoặc "tắt nhắc nhở" nếu không muốn nhận tin này nữa.""";

    // --- Menu and attempts ---
    static final String MENU = "Bạn muốn làm gì tiếp theo? Chọn nút, hoặc gõ: \"thi\" để bắt đầu lượt thi, \"luyện tập\", \"thể lệ\", \"kết quả\".";
    static final String MENU_HINT = "Mình chưa hiểu ý bạn. Gõ \"thi\" để bắt đầu lượt thi, \"luyện tập\" để ôn tập, \"kết quả\" để xem kết quả, \"thể lệ\" để xem thể lệ, \"trợ giúp\" để được hướng dẫn.";
    static final String START = "Bắt đầu thi";
    static final String RULES = "Thể lệ";
    static final String RESULTS = "Kết quả của tôi";
    static final String PRACTICE = "Luyện tập";
    static final String ATTEMPT_INTRO = """
            Lượt thi thứ %d: %d câu hỏi trắc nghiệm và 1 câu hỏi dự đoán, làm trong %d phút (đến %s).
            Mỗi câu chọn một đáp án bằng nút, hoặc gõ chữ cái (A, B, C...). Đáp án đã chọn không sửa được.""";
    static final String QUESTION = "Câu %d/%d (còn %s)\n%s\n";
    static final String ANSWERED = "Câu %d/%d\n%s\n";
    static final String CHOSEN = "✅ Bạn đã chọn: %s";
    /** Heads the next message where it takes the answered question's place in the chat. */
    static final String CHOSEN_LINE = "✅ Câu %d/%d: bạn đã chọn %s";
    static final String LINKED = "Số điện thoại này đã đăng ký dự thi. Đã kết nối cuộc trò chuyện này với tài khoản dự thi của %s; các lượt thi được tính chung.";
    static final String QUESTION_TYPE_HINT = "Chọn nút hoặc gõ chữ cái của đáp án (ví dụ: B).";
    static final String ANSWER_HINT = "Vui lòng chọn một đáp án bằng nút, hoặc gõ một chữ cái từ A đến %s (ví dụ: B).";
    static final String STALE_ANSWER = "Câu hỏi đó đã được trả lời hoặc không còn hiệu lực. Câu hỏi hiện tại của bạn là:";
    /** What an answer button says where the platform shows a tap as the person's own message. */
    static final String ANSWER_SAID = "Câu %d: %s. %s";
    static final String PREDICTION = "Câu hỏi dự đoán (còn %s):\n%s\nHãy gõ một số nguyên, ví dụ: 12500.";
    static final String PREDICTION_HINT = "Vui lòng gõ câu trả lời dự đoán là một số nguyên (ví dụ: 12500 hoặc 12.500).";
    static final String TIME_UP = "Đã hết thời gian làm bài. Các câu chưa trả lời không được tính điểm.";
    static final String RESULT = """
            Bạn đã hoàn thành lượt thi thứ %d.
            • Số câu trả lời đúng: %d/%d
            • Thời gian làm bài: %s
            • Dự đoán: %s""";
    static final String NO_PREDICTION = "không có";
    static final String SHARE_CARDS = """
            Chia sẻ với bạn bè rằng bạn đã tham gia: %s
            Hoặc chia sẻ kèm số câu đúng của lượt này: %s""";
    static final String ANSWERS_LATER = "Đáp án sẽ được công bố sau khi %s kết thúc (%s).";
    static final String ANSWERS_AFTER_CONTEST = "Đáp án sẽ được công bố sau khi cuộc thi kết thúc (%s).";
    static final String DISPUTED = """
            Số điện thoại của đăng ký này đã được một người khác xác minh là của họ. Ban Tổ chức đang xem xét; \
            trong thời gian đó bạn chưa thể bắt đầu lượt thi mới. Nếu cần trao đổi, vui lòng liên hệ Ban Tổ chức.""";
    static final String ANSWER_KEY_TITLE = "Đáp án lượt thi thứ %d:";
    static final String ANSWER_KEY_LINE = "Câu %d: %s%s";
    static final String ATTEMPTS_LEFT = "Bạn còn %d lượt thi.";
    static final String COUNTED = "Theo thể lệ, lượt được tính để xếp hạng là %s.";
    static final String COUNTED_BEST = "lượt có kết quả cao nhất";
    static final String COUNTED_FIRST = "lượt thi đầu tiên";
    static final String COUNTED_LAST = "lượt thi cuối cùng";

    // --- Several contests ---
    static final String CONTEST_CHOICE = "Hiện có %d cuộc thi. Bạn muốn tham gia cuộc thi nào?";
    static final String CONTEST_OTHERS = "Các cuộc thi hiện có (bạn đang ở cuộc thi số %d):";
    static final String CONTEST_ONLY_ONE = "Hiện chỉ có một cuộc thi: %s.";
    static final String CONTEST_LINE = "%d. %s (%s)";
    static final String CONTEST_OPEN_UNTIL = "đang diễn ra, đến %s";
    static final String CONTEST_OPENS = "mở từ %s";
    static final String CONTEST_CLOSED = "đã kết thúc";
    static final String CONTEST_CHOICE_TYPED = "Bấm nút hoặc gõ số thứ tự của cuộc thi (ví dụ: 1).";
    static final String CONTEST_CHOICE_TYPED_WORD = "Bấm nút hoặc gõ \"cuộc thi\" và số thứ tự (ví dụ: cuộc thi 2).";
    static final String CONTEST_NOW = "Bạn đang ở cuộc thi: %s.";
    static final String CONTEST_SWITCH_IN_PAPER = "Bạn đang làm bài thi (còn %s). Hãy hoàn thành bài thi này trước khi chuyển sang cuộc thi khác.";
    static final String CONTEST_TAG = "【%s】\n";
    static final String CONTEST_NEXT = "Cuộc thi khác đang mở hoặc sắp mở: %s. Gõ \"cuộc thi khác\" để tham gia.";
    static final String OTHER_CONTESTS = "Cuộc thi khác";

    static final String RETURNING = """
            Bạn là %s, sinh ngày %s? Nếu đúng, bấm "Xác nhận" để tham gia cuộc thi này với thông tin đã đăng ký: \
            Ban Tổ chức cuộc thi này chỉ dùng họ tên, ngày sinh, số điện thoại, nhóm đối tượng và đơn vị của bạn để tổ chức \
            cuộc thi, xét và trao giải (Nghị định 13/2023/NĐ-CP); bạn có thể rút lại sự đồng ý bất cứ lúc nào.%s""";
    static final String RETURNING_HINT = "Vui lòng bấm \"Xác nhận\" nếu đúng là bạn, hoặc \"Không phải tôi\" để đăng ký người khác.";
    static final String RETURNING_YES_BUTTON = "Xác nhận";
    static final String RETURNING_NO_BUTTON = "Không phải tôi";

    static final String NOT_OPEN_YET = "Cuộc thi chưa bắt đầu. Bạn có thể đăng ký trước; lượt thi mở từ %s.";
    static final String BETWEEN_ROUNDS = "Hiện chưa có đợt thi nào mở. %s bắt đầu từ %s.";
    static final String CLOSED = """
            Cuộc thi đã kết thúc lúc %s. Cảm ơn bạn đã quan tâm! Gõ "kết quả" để xem kết quả của bạn, \
            "xem đáp án" để xem lại bài thi, "luyện tập" để ôn tập kiến thức.""";
    static final String CAP_CONTEST = "Bạn đã dùng hết %d lượt thi của cuộc thi. Cảm ơn bạn đã tham gia!";
    static final String CAP_ROUND = "Bạn đã dùng hết %d lượt thi của %s. Hẹn gặp bạn ở đợt tiếp theo!";
    static final String CAP_DAY = "Hôm nay bạn đã dùng hết %d lượt thi. Mời bạn quay lại vào ngày mai!";
    static final String DISQUALIFIED = "Ban Tổ chức đã dừng quyền dự thi của bạn. Lý do: %s. Nếu cần trao đổi, vui lòng liên hệ Ban Tổ chức.";
    static final String BANK_NOT_READY = "Ngân hàng câu hỏi đang được cập nhật. Vui lòng thử lại sau ít phút.";

    // --- Practice and answer review ---
    static final String PRACTICE_INTRO = """
            Luyện tập: %d câu hỏi, không tính giờ, không tính vào kết quả cuộc thi. \
            Sau mỗi câu bạn sẽ biết đáp án đúng và lời giải thích. Gõ "dừng" để dừng luyện tập.""";
    static final String PRACTICE_QUESTION = "Câu luyện tập %d/%d\n%s\n";
    static final String PRACTICE_RIGHT = "✅ Chính xác! Đáp án đúng: %s%s";
    static final String PRACTICE_WRONG = "❌ Chưa đúng (bạn chọn %s). Đáp án đúng: %s%s";
    static final String EXPLANATION = "\nGiải thích: %s";
    static final String PRACTICE_DONE = "Bạn trả lời đúng %d/%d câu luyện tập. Kết quả luyện tập không tính vào cuộc thi; bạn có thể luyện tập bao nhiêu lần tùy thích.";
    static final String PRACTICE_STOPPED = "Đã dừng luyện tập (đúng %d/%d câu đã trả lời).";
    static final String PRACTICE_EMPTY = "Hiện chưa có câu hỏi luyện tập. Mời bạn quay lại sau.";
    static final String PRACTICE_IN_ATTEMPT = "Bạn đang làm bài thi (còn %s). Hãy hoàn thành bài thi rồi luyện tập sau.";
    static final String NOT_REGISTERED_PRACTICE = "Bạn cần đăng ký dự thi trước khi luyện tập.";
    static final String REVIEW_TITLE = "Đáp án lượt thi thứ %d (%s), câu %d-%d/%d:";
    static final String REVIEW_QUESTION = "\n\nCâu %d. %s\n%s";
    static final String REVIEW_CHOSEN_RIGHT = "Bạn chọn %s ✓";
    static final String REVIEW_CHOSEN_WRONG = "Bạn chọn %s ✗. Đáp án đúng: %s";
    static final String REVIEW_NOT_ANSWERED = "Bạn chưa trả lời. Đáp án đúng: %s";
    static final String REVIEW_MORE = "Xem tiếp (từ câu %d)";
    static final String REVIEW_OTHER_ROUND = "Đáp án %s";
    static final String REVIEW_BUTTON = "Xem đáp án";
    static final String NO_REVIEW = "Bạn chưa có lượt thi nào được tính để xem đáp án.";
    static final String REVIEW_IN_ATTEMPT = "Bạn đang làm bài (còn %s). Đáp án chỉ xem được sau khi nộp bài và khi Ban Tổ chức cho phép.";

    // --- Commands ---
    static final String HELP_REGISTRATION = """
            Hướng dẫn: bạn đang đăng ký dự thi, mỗi bước trả lời một câu hỏi ngắn. \
            Có thể chọn nút hoặc gõ câu trả lời. Gõ "hủy" để đăng ký lại từ đầu, "thể lệ" để xem thể lệ.""";
    static final String HELP_READY = """
            Hướng dẫn: gõ "thi" để bắt đầu một lượt thi, "luyện tập" để ôn tập (không tính điểm), \
            "kết quả" để xem kết quả các lượt đã thi, "xem đáp án" để xem lại bài thi khi đáp án được công bố, \
            "thể lệ" để xem thể lệ cuộc thi, "tắt nhắc nhở" hoặc "nhắc nhở" để tắt hoặc bật tin nhắc.""";
    static final String HELP_PRACTICE = """
            Hướng dẫn: bạn đang luyện tập, không tính giờ và không tính điểm. Chọn nút hoặc gõ chữ cái của đáp án \
            (ví dụ: B) để xem ngay đáp án đúng và lời giải thích. Gõ "dừng" để dừng, "thi" để vào thi.""";
    static final String HELP_ATTEMPT = """
            Hướng dẫn: bạn đang làm bài (còn %s). Chọn nút hoặc gõ chữ cái của đáp án (ví dụ: B). \
            Sau câu cuối là câu hỏi dự đoán: gõ một số nguyên.""";
    static final String LOGGED_OUT = """
            Bạn đã đăng xuất. Cuộc trò chuyện trên thiết bị này không còn gắn với tài khoản dự thi của bạn \
            và lịch sử đã được xóa. Hẹn gặp lại!""";
    static final String CANNOT_LOGOUT_IN_ATTEMPT = "Bạn đang làm bài (còn %s). Vui lòng hoàn thành bài thi trước khi đăng xuất.";
    static final String LOGOUT_BUTTON = "Đăng xuất";
    static final String ERASE_WARNING = """
            Nếu xóa dữ liệu, bạn sẽ rút khỏi cuộc thi: họ tên, ngày sinh, số điện thoại và số căn cước của bạn bị xóa, \
            kết quả không còn được xếp hạng hay xét giải, và không thể khôi phục. \
            Nếu chắc chắn, chọn "Xác nhận xóa dữ liệu" (hoặc gõ: xác nhận xóa dữ liệu).""";
    static final String ERASE_BUTTON = "Xác nhận xóa dữ liệu";
    static final String ERASED = """
            Đã xóa dữ liệu cá nhân của bạn và bạn đã rút khỏi cuộc thi. Cảm ơn bạn đã quan tâm! \
            Nếu muốn tham gia lại, bạn có thể đăng ký mới.""";
    static final String CANCELLED = "Đã hủy các thông tin đang nhập. Bạn có thể đăng ký lại từ đầu.";
    static final String CANNOT_CANCEL_ATTEMPT = "Bài thi đang được tính giờ nên không thể hủy. Bạn còn %s để hoàn thành.";
    static final String NOTHING_TO_CANCEL = "Không có bước nào đang dở để hủy.";
    static final String NOT_REGISTERED = "Bạn chưa đăng ký dự thi nên chưa có kết quả.";
    static final String NO_RESULTS = "Bạn chưa hoàn thành lượt thi nào.";
    static final String RESULTS_TITLE = "Kết quả của bạn:";
    static final String RESULTS_LINE = "• Lượt %d (%s): đúng %d/%d, thời gian %s%s";
    static final String RESULTS_COUNTED = " ← lượt được tính";
    static final String STATUS_IN_ATTEMPT = "Bạn đang làm lượt thi, còn %s.";
    static final String NO_RULES = "Thể lệ cuộc thi đang được cập nhật.";
    static final String YES = "Đồng ý";
    static final String NO = "Không đồng ý";
    static final String CONFIRM_BUTTON = "Xác nhận";
    static final String EDIT_BUTTON = "Sửa lại";

    /** A reminder that {@code round} closes at {@code closesAt}, for someone who has not finished a paper in it. */
    public static String reminder(String round, String closesAt) {
        return format(REMINDER, round, closesAt);
    }

    /** The label of the button that starts a paper. */
    /** The line that says which contest a message is about, while several run at once. */
    public static String contestTag(String title) {
        return format(CONTEST_TAG, title);
    }

    public static String startButton() {
        return START;
    }

    public static String dateTime(Instant t, ZoneId zone) {
        return DATE_TIME.format(t.atZone(zone));
    }

    public static String date(java.time.LocalDate d) {
        return DATE.format(d);
    }

    /** "3 phút 05 giây", "45 giây", "1 giờ 02 phút". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        // Concatenated: it is in every question's text.
        if (s >= 3600) {
            return s / 3600 + " giờ " + twoDigits((s % 3600) / 60) + " phút";
        }
        if (s >= 60) {
            return s / 60 + " phút " + twoDigits(s % 60) + " giây";
        }
        return s + " giây";
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** One option as the bot writes it: "B. Bộ Công an". */
    static String option(int index, String text) {
        return vn.contest.core.text.AnswerLetters.letter(index) + ". " + text;
    }

    /** "Câu 3: B. Sở Nội vụ": the question's number, the letter and the option, as a tap on it reads in a chat. */
    static String answerSaid(int number, String letter, String option) {
        return format(ANSWER_SAID, number, letter, option);
    }

    /** A question's options, one per line, each after a line break. */
    static String options(java.util.List<String> options) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            text.append('\n').append(option(i, options.get(i)));
        }
        return text.toString();
    }

    /** Thousands separated by dots, as Vietnamese writes them: 12.500. */
    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '.');
    }

    /**
     * The template with its {@code %s} and {@code %d} filled in, as {@code String.format(Locale.ROOT, ...)} writes them.
     * By hand, because every reply is built with it and the Formatter parses the template afresh on each call (about a
     * tenth of an answer's own code in a profile); anything else goes to String.format.
     */
    static String format(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 24 * args.length);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char conversion = i + 1 < template.length() ? template.charAt(i + 1) : ' ';
            Object arg = next < args.length ? args[next] : null;
            boolean plain = next < args.length
                    && (conversion == 's' && !(arg instanceof java.util.Formattable) || conversion == 'd' && (arg instanceof Integer || arg instanceof Long));
            if (!plain) {
                return String.format(Locale.ROOT, template, args);
            }
            out.append(arg);
            next++;
            i++;
        }
        return out.toString();
    }
}
