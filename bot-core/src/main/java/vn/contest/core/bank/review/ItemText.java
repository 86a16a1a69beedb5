package vn.contest.core.bank.review;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the item checks read text: as lower-case words with their diacritics ("năm" is not "nam"). */
final class ItemText {
    /** A word, a number, a date (01/7/2023), a percentage (20%) or an address (dichvucong.gov.vn). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[/.,%][\\p{L}\\p{M}\\p{N}]+)*%?");

    /**
     * Words that make an option absolute. "chỉ" is left out where it means something else (địa chỉ, chỉ thị, chỉ tiêu,
     * chỉ số, chỉ đạo…, "chỉ vì": merely because), and "riêng" where it is privacy (riêng tư).
     */
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![\\p{L}\\p{M}])(?:(?<!địa )chỉ(?! (?:thị|tiêu|số|đạo|định|dẫn|huy|ra|rõ|trích|mục|vì)(?![\\p{L}\\p{M}]))"
                    + "|riêng(?! tư)|bất kỳ|bất kì|bất cứ|tất cả|mọi|toàn bộ|hoàn toàn|luôn luôn|không bao giờ|duy nhất|tuyệt đối)"
                    + "(?![\\p{L}\\p{M}])");

    private ItemText() {}

    static String lower(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(lower(text));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The words that hold a digit: a number, a date, a document's number. */
    static List<String> numbers(List<String> words) {
        return words.stream().filter(w -> w.chars().anyMatch(Character::isDigit)).toList();
    }

    static boolean absolute(String option) {
        return ABSOLUTE.matcher(lower(option)).find();
    }

    /**
     * A key worth protecting: at least four letters or digits, and more than one short everyday word ("Không",
     * "Có" turn up in any sentence; "Khóa XIV", "72 giờ", "dichvucong.gov.vn" do not).
     */
    static boolean distinctive(List<String> key) {
        String joined = String.join("", key);
        return joined.length() >= 4 && (key.size() >= 2 || joined.chars().anyMatch(Character::isDigit) || joined.length() >= 6);
    }

    /** Whether {@code needle} occurs in {@code hay} as consecutive words. */
    static boolean containsRun(List<String> hay, List<String> needle) {
        if (needle.isEmpty()) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.size() <= hay.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!hay.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * How many of the key's words a text says in the key's order, within a stretch a few words longer than the key
     * (the longest common subsequence over each such window): "nghiêm cấm đưa thông tin sai sự thật gây hoang mang"
     * says 11 of the 15 words of "Đưa thông tin sai sự thật gây hoang mang trong Nhân dân lên không gian mạng".
     */
    static int wordsSaid(List<String> text, List<String> key) {
        int window = key.size() + 3;
        int best = 0;
        for (int start = 0; start < text.size(); start++) {
            if (!key.contains(text.get(start))) {
                continue;
            }
            int end = Math.min(text.size(), start + window);
            int[][] lcs = new int[end - start + 1][key.size() + 1];
            for (int i = 1; i <= end - start; i++) {
                for (int j = 1; j <= key.size(); j++) {
                    lcs[i][j] = text.get(start + i - 1).equals(key.get(j - 1)) ? lcs[i - 1][j - 1] + 1
                            : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
                }
            }
            best = Math.max(best, lcs[end - start][key.size()]);
            if (best == key.size()) {
                break;
            }
        }
        return best;
    }
}
