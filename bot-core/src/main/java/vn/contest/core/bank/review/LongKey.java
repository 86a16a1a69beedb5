package vn.contest.core.bank.review;

import java.util.List;

/**
 * The keyed option much longer than the wrong ones: the longest of all, a quarter longer than the wrong options'
 * average and at least ten characters more. Writers tend to qualify the right answer and not the others, and a
 * participant who always picks the longest option then scores without knowing.
 */
final class LongKey implements ItemRule {
    static final double RATIO = 1.25;
    static final int MARGIN = 10;

    @Override
    public ItemCheck check() {
        return ItemCheck.LONG_KEY;
    }

    @Override
    public void run(List<Item> items, List<ItemWarning> out) {
        for (Item item : items) {
            List<String> wrong = item.wrongOptions();
            if (!item.inFile() || wrong.isEmpty()) {
                continue;
            }
            int key = item.key().length();
            int longest = wrong.stream().mapToInt(String::length).max().orElse(0);
            double mean = wrong.stream().mapToInt(String::length).average().orElse(0);
            if (key > longest && key >= RATIO * mean && key - mean >= MARGIN) {
                out.add(new ItemWarning(item.row(), check(), "đáp án dài " + key + " ký tự, các phương án sai trung bình "
                        + Math.round(mean) + " ký tự (dài nhất " + longest + "): ai chọn phương án dài nhất sẽ trúng mà không cần biết. "
                        + "Hãy rút gọn đáp án hoặc viết các phương án sai đầy đủ như đáp án."));
            }
        }
    }
}
