package vn.contest.core.bank.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.contest.core.bank.QuestionDraft;

/** Each item check on rows made for it, with a near miss it must let pass; no database. */
class ItemChecksTest {
    private static int nextRow = 2;

    static QuestionDraft row(String text, String key, String... wrong) {
        return row(text, "", false, null, "", key, wrong);
    }

    static QuestionDraft row(String text, String explanation, boolean practice, String group, String notes, String key, String... wrong) {
        List<String> options = new ArrayList<>(List.of(key));
        options.addAll(List.of(wrong));
        return new QuestionDraft(nextRow++, "chung", text, options, 0, explanation, null, practice, group, notes);
    }

    static List<ItemWarning> review(QuestionDraft... rows) {
        return ItemChecks.review(List.of(rows), List.of());
    }

    static List<String> found(List<ItemWarning> warnings, ItemCheck check) {
        return warnings.stream().filter(w -> w.check() == check).map(w -> w.row() + ": " + w.message()).toList();
    }

    @Test
    void aKeyMuchLongerThanTheWrongOptionsIsFlaggedAndOneJustLongerIsNot() {
        QuestionDraft cue = row("Khi dùng Wi-Fi công cộng, nên tránh việc gì?",
                "Đăng nhập tài khoản ngân hàng và thực hiện giao dịch chuyển tiền", "Đọc báo điện tử", "Xem bản đồ đường đi", "Tra lịch chiếu phim");
        QuestionDraft even = row("Mật khẩu nào mạnh nhất?", "T4m!Hieu#CDS-2023", "Nguyenvanan1990", "matkhau123456789", "BacKan2023BacKan");
        List<ItemWarning> w = review(cue, even);
        assertEquals(1, found(w, ItemCheck.LONG_KEY).size(), w.toString());
        assertEquals(cue.row(), w.get(0).row());
        assertTrue(w.get(0).toString().startsWith("Dòng " + cue.row() + " (đáp án dài): đáp án dài 64 ký tự"), w.get(0).toString());
    }

    @Test
    void wrongOptionsThatAreAllAbsoluteAreFlaggedButAddressesAndDirectivesAreNotAbsolutes() {
        QuestionDraft cue = row("Tài khoản định danh điện tử mức độ 2 có giá trị thế nào?", "Tương đương xuất trình thẻ Căn cước công dân",
                "Chỉ để tham khảo", "Riêng cơ quan Công an chấp nhận", "Có giá trị với bất kỳ giấy tờ nào");
        QuestionDraft oneNot = row("Thẻ Căn cước có giá trị thế nào?", "Là giấy tờ tùy thân của công dân",
                "Chỉ dùng khi đi máy bay", "Chỉ dùng ở nước ngoài", "Dùng thay hộ chiếu khi xuất cảnh");
        QuestionDraft notAbsolute = row("Văn bản nào đề ra nội dung này?", "Quyết định số 749/QĐ-TTg",
                "Chỉ thị số 16/CT-TTg", "Địa chỉ dichvucong.gov.vn", "Quyền riêng tư trên mạng");
        QuestionDraft keyAbsoluteToo = row("Mã OTP được đưa cho ai?", "Không cung cấp cho bất kỳ ai",
                "Chỉ nhân viên ngân hàng", "Chỉ người thân");
        List<ItemWarning> w = review(cue, oneNot, notAbsolute, keyAbsoluteToo);
        assertEquals(List.of(cue.row() + ""), found(w, ItemCheck.ABSOLUTE_DISTRACTORS).stream().map(s -> s.split(":")[0]).toList(), w.toString());
    }

    @Test
    void aStemQuotingAContestKeyIsFlaggedAPracticeKeyIsNot() {
        QuestionDraft law = row("Luật An ninh mạng được Quốc hội khóa nào thông qua?", "Khóa XIV", "Khóa XIII", "Khóa XV");
        QuestionDraft quoting = row("Luật do Quốc hội khóa XIV thông qua năm 2018 có số hiệu nào?", "Luật số 24/2018/QH14", "Luật số 86/2015/QH13");
        QuestionDraft practice = row("Nghị quyết 36a/NQ-CP bàn về vấn đề gì?", "", true, null, "", "Về Chính phủ điện tử", "Về kinh tế số");
        QuestionDraft quotingPractice = row("Việt Nam thuộc nhóm bao nhiêu nước dẫn đầu về Chính phủ điện tử?", "Nhóm 70", "Nhóm 50");
        QuestionDraft shortKey = row("Có nên bấm link lạ không?", "Không", "Có");
        QuestionDraft everyday = row("Bấm link lạ không kiểm tra có an toàn?", "Rất an toàn", "Tùy trường hợp");
        List<String> w = found(review(law, quoting, practice, quotingPractice, shortKey, everyday), ItemCheck.KEY_IN_ANOTHER_STEM);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith(quoting.row() + ": câu hỏi có nguyên văn đáp án đúng của dòng " + law.row()), w.toString());
    }

    @Test
    void aPracticeExplanationStatingAContestKeyIsFlaggedEvenInOtherWords() {
        QuestionDraft contest = row("Theo Luật An ninh mạng, hành vi nào bị nghiêm cấm?",
                "Đưa thông tin sai sự thật gây hoang mang trong Nhân dân lên không gian mạng", "Chia sẻ bài báo chính thống", "Báo tin lừa đảo");
        QuestionDraft rights = row("Chủ thể dữ liệu có quyền nào?", "Quyền rút lại sự đồng ý", "Quyền đọc dữ liệu của hàng xóm");
        QuestionDraft decree = row("Văn bản nào quy định Ngày Chuyển đổi số quốc gia?", "Quyết định số 505/QĐ-TTg", "Quyết định số 749/QĐ-TTg");
        QuestionDraft sharing = row("Trước khi chia sẻ tin, nên làm gì?", "Luật An ninh mạng, Điều 8: nghiêm cấm đưa thông tin sai sự thật "
                + "gây hoang mang trong Nhân dân.", true, null, "", "Kiểm tra nguồn tin", "Chia sẻ ngay");
        QuestionDraft listing = row("Chủ thể dữ liệu có bao nhiêu quyền?", "Điều 9: quyền được biết, đồng ý, truy cập, rút lại sự đồng ý, xóa dữ liệu.",
                true, null, "", "11 quyền", "8 quyền");
        QuestionDraft otherDecree = row("Chương trình Chuyển đổi số quốc gia được phê duyệt ở đâu?", "Quyết định số 749/QĐ-TTg ngày 03/6/2020.",
                true, null, "", "Quyết định số 749/QĐ-TTg", "Quyết định số 942/QĐ-TTg");
        List<String> w = found(review(contest, rights, decree, sharing, listing, otherDecree), ItemCheck.PRACTICE_STATES_KEY);
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith(sharing.row() + ": câu luyện tập này") && w.get(0).contains("dòng " + contest.row()), w.toString());
        assertTrue(w.get(1).startsWith(listing.row() + ": ") && w.get(1).contains("\"Quyền rút lại sự đồng ý\""), w.toString());
    }

    @Test
    void nearDuplicateStemsAreFlaggedUnlessTheyShareAFactGroup() {
        QuestionDraft y2025 = row("Theo Chương trình, mục tiêu đến năm 2025 kinh tế số chiếm bao nhiêu phần trăm GDP?", "20%", "30%");
        QuestionDraft y2030 = row("Theo Chương trình, mục tiêu đến năm 2030 kinh tế số chiếm bao nhiêu phần trăm GDP?", "30%", "20%");
        QuestionDraft other = row("Theo Chương trình, mục tiêu đến năm 2025 năng suất lao động tăng bao nhiêu?", "7%", "8%");
        List<String> w = found(review(y2025, y2030, other), ItemCheck.NEAR_DUPLICATE);
        assertEquals(List.of(y2030.row() + ""), w.stream().map(s -> s.split(":")[0]).toList(), w.toString());
        assertTrue(w.get(0).contains("gần trùng với dòng " + y2025.row()), w.toString());

        QuestionDraft a = row("Mục tiêu đến năm 2025 tỷ lệ dân số có tài khoản thanh toán điện tử là bao nhiêu?", "", false, "QĐ 749 thanh toán", "",
                "Trên 50%", "Trên 40%");
        QuestionDraft b = row("Mục tiêu đến năm 2030 tỷ lệ dân số có tài khoản thanh toán điện tử là bao nhiêu?", "", false, "qđ 749 thanh toán", "",
                "Trên 80%", "Trên 70%");
        assertEquals(List.of(), found(review(a, b), ItemCheck.NEAR_DUPLICATE), "one fact group: never drawn together");
    }

    @Test
    void aRowAcknowledgesAWarningByNamingItsCheckAndOnlyThatOne() {
        QuestionDraft kept = row("Khi dùng Wi-Fi công cộng, nên tránh việc gì?", "", false, null,
                "Đáp án dài: nguyên văn khuyến cáo; gần trùng",
                "Đăng nhập tài khoản ngân hàng và thực hiện giao dịch chuyển tiền", "Đọc báo điện tử", "Xem bản đồ", "Tra lịch phim");
        assertEquals(List.of(), review(kept));
        QuestionDraft other = row("Khi dùng Wi-Fi công cộng, nên tránh việc gì nhất?", "", false, null, "phương án tuyệt đối",
                "Đăng nhập tài khoản ngân hàng và thực hiện giao dịch chuyển tiền", "Đọc báo điện tử", "Xem bản đồ", "Tra lịch phim");
        assertEquals(List.of(ItemCheck.LONG_KEY), review(other).stream().map(ItemWarning::check).toList());
        ItemCheck.Notes notes = ItemCheck.Notes.parse("lộ đáp án; luyen tap lo dap an: câu hỏi cũ\nđáp án hay");
        assertEquals(java.util.Set.of(ItemCheck.KEY_IN_ANOTHER_STEM, ItemCheck.PRACTICE_STATES_KEY), notes.acknowledged());
        assertEquals(List.of("đáp án hay"), notes.unknown());
    }

    @Test
    void aRowIsComparedWithTheBankAndTheWarningFallsOnTheRow() {
        Item stored = Item.stored(812, "Luật An ninh mạng được Quốc hội khóa nào thông qua?", List.of("Khóa XIV", "Khóa XV"), 0, "", false, null);
        QuestionDraft quoting = row("Luật do Quốc hội khóa XIV thông qua năm 2018 có số hiệu nào?", "Luật số 24/2018/QH14", "Luật số 86/2015/QH13");
        List<ItemWarning> w = ItemChecks.review(List.of(quoting), List.of(stored));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("câu mã 812 trong ngân hàng"), w.toString());
        Item storedTwin = Item.stored(813, "Luật do Quốc hội khóa XIV thông qua năm 2018 có số hiệu nào?", List.of("Luật số 24/2018/QH14", "Luật Báo chí"),
                0, "", false, null);
        assertEquals(List.of(), ItemChecks.review(List.of(row("Một câu khác hẳn?", "Có thật", "Không thật")), List.of(stored, storedTwin)),
                "two questions already in the bank warn nobody");
    }

    @Test
    void tenThousandRowsAreReviewedInAFewSeconds() {
        List<QuestionDraft> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new QuestionDraft(i + 2, "chung", "Câu hỏi số " + i + " về chủ đề " + (i % 97) + "?", List.of("Phương án đúng số " + i,
                    "Phương án sai " + i), 0, "Giải thích " + i, null, i % 3 == 0, null, ""));
        }
        long start = System.nanoTime();
        ItemChecks.review(rows, List.of());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }
}
