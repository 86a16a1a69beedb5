package vn.contest.core.bank.review;

import java.util.List;

/**
 * Every wrong option an absolute ("Chỉ…", "riêng…", "bất kỳ…", "tất cả…", "không bao giờ…") while the key is not:
 * a participant who knows that absolutes are usually wrong answers it without knowing the fact.
 */
final class AbsoluteDistractors implements ItemRule {
    @Override
    public ItemCheck check() {
        return ItemCheck.ABSOLUTE_DISTRACTORS;
    }

    @Override
    public void run(List<Item> items, List<ItemWarning> out) {
        for (Item item : items) {
            List<String> wrong = item.wrongOptions();
            if (item.inFile() && wrong.size() >= 2 && wrong.stream().allMatch(ItemText::absolute) && !ItemText.absolute(item.key())) {
                out.add(new ItemWarning(item.row(), check(), "mọi phương án sai đều tuyệt đối (\"chỉ\", \"riêng\", \"bất kỳ\", "
                        + "\"tất cả\"…) còn đáp án thì không: đoán được mà không cần biết. Hãy viết lại ít nhất một phương án sai "
                        + "không dùng những từ đó."));
            }
        }
    }
}
