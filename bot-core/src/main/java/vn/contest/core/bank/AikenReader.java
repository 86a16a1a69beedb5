package vn.contest.core.bank;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's Aiken format as Moodle itself reads it ({@code qformat_aiken::readquestions}): a question on one line,
 * its options one a line as a capital letter, ")" or ".", an optional space or tab and the text ("A) ...",
 * "A. ...", "A)..." and "A...."; lower-case letters are accepted here too), then "ANSWER: B"; blank lines
 * between questions are optional. An option or ANSWER line outside a question, and a question left without
 * its ANSWER when the next one starts, are reported by line, as Moodle reports them. Aiken has no topics, so
 * the importer gives one.
 */
final class AikenReader {
    private static final Pattern OPTION = Pattern.compile("^([A-Za-z])[.)][ \\t]?(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private AikenReader() {}

    static QuestionSheet read(String text, String topic) {
        List<SheetRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        String question = null;
        int questionLine = 0;
        List<String> options = new ArrayList<>();
        // Moodle also splits on a lone carriage return (old Mac files).
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (answer.matches()) {
                if (question == null) {
                    problems.add(new ImportProblem(i + 1, Column.ANSWER.title, "dòng ANSWER không thuộc câu hỏi nào (thiếu dòng câu hỏi phía trên)."));
                    continue;
                }
                Map<Column, String> values = new EnumMap<>(Column.class);
                values.put(Column.TOPIC, topic == null ? "" : topic);
                values.put(Column.QUESTION, question);
                for (int k = 0; k < options.size() && k < Column.OPTIONS.size(); k++) {
                    values.put(Column.OPTIONS.get(k), options.get(k));
                }
                values.put(Column.ANSWER, answer.group(1).strip());
                if (options.size() > Column.OPTIONS.size()) {
                    problems.add(new ImportProblem(questionLine, Column.F.title, "có " + options.size() + " phương án; tối đa 6."));
                } else {
                    rows.add(new SheetRow(questionLine, values));
                }
                question = null;
            } else if (option.matches() && isOptionLetter(option.group(1).charAt(0), question, options)) {
                if (question == null) {
                    problems.add(new ImportProblem(i + 1, Column.A.title, "phương án \"" + line
                            + "\" không thuộc câu hỏi nào (thiếu dòng câu hỏi phía trên)."));
                    continue;
                }
                char letter = Character.toUpperCase(option.group(1).charAt(0));
                if (letter != 'A' + options.size()) {
                    problems.add(new ImportProblem(i + 1, String.valueOf(letter), "phương án " + letter + " không đúng thứ tự: cần phương án "
                            + (char) ('A' + options.size()) + "."));
                }
                options.add(option.group(2).strip());
            } else if (question == null) {
                question = line;
                questionLine = i + 1;
                options.clear();
            } else if (options.isEmpty()) {
                problems.add(new ImportProblem(i + 1, Column.QUESTION.title, "câu hỏi Aiken phải nằm trên một dòng, tiếp theo là các dòng \"A. ...\"."));
                question = null;
            } else {
                // A new question began before this one's ANSWER line: report that, and read on from here.
                problems.add(new ImportProblem(questionLine, Column.ANSWER.title, "thiếu dòng \"ANSWER: <chữ cái>\" sau các phương án."));
                question = line;
                questionLine = i + 1;
                options.clear();
            }
        }
        if (question != null) {
            problems.add(new ImportProblem(questionLine, Column.ANSWER.title, "thiếu dòng \"ANSWER: <chữ cái>\"."));
        }
        return new QuestionSheet(rows, problems);
    }

    /**
     * Moodle takes any line that starts with a capital letter and ")" or "." as an option. A lower-case letter is
     * an option here only where the next option is due (so a question such as "e. Chính phủ điện tử là gì?" stays a
     * question when no question is open).
     */
    private static boolean isOptionLetter(char letter, String question, List<String> options) {
        if (letter >= 'A' && letter <= 'Z') {
            return true;
        }
        return question != null && Character.toUpperCase(letter) == 'A' + options.size();
    }
}
