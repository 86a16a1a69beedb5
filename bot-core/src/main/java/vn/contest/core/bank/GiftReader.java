package vn.contest.core.bank;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's GIFT format, multiple-choice questions only: {@code ::title:: text {=right ~wrong ~wrong}},
 * {@code $CATEGORY: .../Topic} lines choosing the topic, {@code //} comments, backslash escapes and
 * {@code #feedback} after an answer. Each question becomes a row numbered by the line it starts on.
 */
final class GiftReader {
    private static final Pattern CATEGORY = Pattern.compile("^\\$CATEGORY:\\s*(.*)$");
    private static final Pattern TITLE = Pattern.compile("^::(.*?)::");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)]");

    private GiftReader() {}

    static QuestionSheet read(String text, String defaultTopic) {
        List<SheetRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        String topic = defaultTopic;
        StringBuilder question = new StringBuilder();
        int startLine = 0;
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                continue;
            }
            Matcher category = CATEGORY.matcher(trimmed);
            if (category.matches()) {
                String path = category.group(1).strip();
                topic = path.substring(path.lastIndexOf('/') + 1).strip();
                continue;
            }
            if (trimmed.isEmpty()) {
                if (question.length() > 0) {
                    parse(question.toString(), startLine, topic, rows, problems);
                    question.setLength(0);
                }
                continue;
            }
            if (question.length() == 0) {
                startLine = i + 1;
            } else {
                question.append('\n');
            }
            question.append(line);
        }
        return new QuestionSheet(rows, problems);
    }

    private static void parse(String raw, int line, String topic, List<SheetRow> rows, List<ImportProblem> problems) {
        String s = raw.strip();
        Matcher title = TITLE.matcher(s);
        if (title.find()) {
            s = s.substring(title.end()).strip();
        }
        Matcher format = FORMAT.matcher(s);
        if (format.find()) {
            s = s.substring(format.end()).strip();
        }
        int open = unescapedIndex(s, '{', 0);
        int close = open < 0 ? -1 : unescapedIndex(s, '}', open);
        if (open < 0 || close < 0) {
            problems.add(new ImportProblem(line, Column.ANSWER.title, "thiếu phần đáp án trong { }."));
            return;
        }
        String stem = unescape((s.substring(0, open) + " " + s.substring(close + 1)).strip()).replaceAll("\\s+", " ");
        List<String> options = new ArrayList<>();
        int correct = -1;
        int corrects = 0;
        String block = s.substring(open + 1, close).strip();
        if (block.matches("(?i)T|F|TRUE|FALSE") || block.startsWith("#")) {
            problems.add(new ImportProblem(line, Column.ANSWER.title, "chỉ nhận câu trắc nghiệm có một đáp án đúng (câu Đúng/Sai hay câu số không dùng được)."));
            return;
        }
        for (String part : splitAnswers(block)) {
            char mark = part.charAt(0);
            String answer = part.substring(1).strip();
            if (answer.startsWith("%")) {
                problems.add(new ImportProblem(line, Column.ANSWER.title, "đáp án có trọng số % không dùng được; mỗi câu một đáp án đúng."));
                return;
            }
            int feedback = unescapedIndex(answer, '#', 0);
            if (feedback >= 0) {
                answer = answer.substring(0, feedback).strip();
            }
            if (mark == '=') {
                correct = options.size();
                corrects++;
            }
            options.add(unescape(answer));
        }
        if (corrects != 1 || options.size() < 2) {
            problems.add(new ImportProblem(line, Column.ANSWER.title, corrects == 0 || options.size() < 2
                    ? "cần ít nhất hai phương án (~) và đúng một đáp án đúng (=)."
                    : "có " + corrects + " đáp án đúng; mỗi câu chỉ một."));
            return;
        }
        if (options.size() > Column.OPTIONS.size()) {
            problems.add(new ImportProblem(line, Column.F.title, "có " + options.size() + " phương án; tối đa 6."));
            return;
        }
        Map<Column, String> values = new EnumMap<>(Column.class);
        values.put(Column.TOPIC, topic == null ? "" : topic);
        values.put(Column.QUESTION, stem);
        for (int k = 0; k < options.size(); k++) {
            values.put(Column.OPTIONS.get(k), options.get(k));
        }
        values.put(Column.ANSWER, String.valueOf((char) ('A' + correct)));
        rows.add(new SheetRow(line, values));
    }

    /** The answers of a block, each starting with its '=' or '~'. */
    private static List<String> splitAnswers(String block) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '=' || c == '~') {
                if (start >= 0) {
                    parts.add(block.substring(start, i).strip());
                }
                start = i;
            }
        }
        if (start >= 0) {
            parts.add(block.substring(start).strip());
        }
        return parts;
    }

    private static int unescapedIndex(String s, char target, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == target) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replaceAll("\\\\([=~#{}:\\\\])", "$1");
    }
}
