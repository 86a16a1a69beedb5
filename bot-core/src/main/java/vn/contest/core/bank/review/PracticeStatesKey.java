package vn.contest.core.bank.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A practice question whose explanation or correct option states a contest question's key. Practice shows both
 * after each answer, during live rounds too, so it must not teach what a paper is about to ask. A key of up to four
 * words counts as stated when the text has it word for word; a longer one when the text says seven in ten of its
 * words in order, close together, with every number of it ("Quyết định số 749/QĐ-TTg" does not state "Quyết định số
 * 505/QĐ-TTg").
 */
final class PracticeStatesKey implements ItemRule {
    static final int SHORT_KEY = 4;
    static final double SHARE = 0.7;

    @Override
    public ItemCheck check() {
        return ItemCheck.PRACTICE_STATES_KEY;
    }

    @Override
    public void run(List<Item> items, List<ItemWarning> out) {
        List<Integer> practice = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        List<Set<String>> shownWords = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).practice()) {
                practice.add(i);
                List<String> words = new ArrayList<>(ItemText.words(items.get(i).explanation()));
                words.add("\n");  // so that no run of words joins the explanation to the option
                words.addAll(ItemText.words(items.get(i).key()));
                shown.add(words);
                shownWords.add(new HashSet<>(words));
            }
        }
        WordIndex index = new WordIndex(shown);
        for (Item contest : items) {
            List<String> key = ItemText.words(contest.key());
            if (contest.practice() || !ItemText.distinctive(key)) {
                continue;
            }
            int needed = key.size() <= SHORT_KEY ? key.size() : (int) Math.ceil(SHARE * key.size());
            List<String> numbers = ItemText.numbers(key);
            // A text that states the key has all its numbers, or all its words but a few: look only at those.
            var candidates = numbers.isEmpty() ? index.candidates(key, key.size() - needed) : index.candidates(numbers, 0);
            for (int p : candidates) {
                Item teacher = items.get(practice.get(p));
                if (!teacher.inFile() && !contest.inFile()) {
                    continue;
                }
                // Cheap tests first: every number of the key, and enough of its words anywhere, before their order.
                Set<String> words = shownWords.get(p);
                if (!words.containsAll(numbers) || key.stream().filter(words::contains).count() < needed) {
                    continue;
                }
                boolean states = key.size() <= SHORT_KEY ? ItemText.containsRun(shown.get(p), key)
                        : ItemText.wordsSaid(shown.get(p), key) >= needed;
                if (!states) {
                    continue;
                }
                String quoted = "\"" + contest.key() + "\"";
                if (teacher.inFile()) {
                    out.add(new ItemWarning(teacher.row(), check(), "câu luyện tập này (giải thích hoặc đáp án) nói ra đáp án của câu thi "
                            + contest.where() + " (" + quoted + "), mà luyện tập hiện đáp án ngay cả khi đang thi. "
                            + "Hãy viết lại phần giải thích."));
                } else {
                    out.add(new ItemWarning(contest.row(), check(), "câu luyện tập " + teacher.where() + " nói ra đáp án của câu thi này ("
                            + quoted + ") trong phần giải thích hoặc đáp án."));
                }
            }
        }
    }
}
