package vn.contest.core.bank.review;

import java.util.List;

/**
 * A stem holding a contest question's correct option word for word: whoever meets both questions, in one paper or
 * in two attempts, reads the answer in the other one. Practice keys are left alone: practice shows them anyway.
 */
final class KeyInAnotherStem implements ItemRule {
    @Override
    public ItemCheck check() {
        return ItemCheck.KEY_IN_ANOTHER_STEM;
    }

    @Override
    public void run(List<Item> items, List<ItemWarning> out) {
        List<List<String>> stems = items.stream().map(i -> ItemText.words(i.text())).toList();
        WordIndex index = new WordIndex(stems);
        for (int k = 0; k < items.size(); k++) {
            Item keyed = items.get(k);
            List<String> key = ItemText.words(keyed.key());
            if (keyed.practice() || !ItemText.distinctive(key)) {
                continue;
            }
            for (int s : index.candidates(key, 0)) {
                Item stem = items.get(s);
                if (s == k || (!stem.inFile() && !keyed.inFile()) || !ItemText.containsRun(stems.get(s), key)) {
                    continue;
                }
                String quoted = "\"" + keyed.key() + "\"";
                if (stem.inFile()) {
                    out.add(new ItemWarning(stem.row(), check(), "câu hỏi có nguyên văn đáp án đúng của " + keyed.where() + " ("
                            + quoted + "): ai gặp cả hai câu sẽ đọc được đáp án. Hãy viết lại câu hỏi không dùng cụm từ đó."));
                } else {
                    out.add(new ItemWarning(keyed.row(), check(), "câu hỏi của " + stem.where() + " có nguyên văn đáp án đúng của "
                            + "câu này (" + quoted + "): ai gặp cả hai câu sẽ đọc được đáp án."));
                }
            }
        }
    }
}
