package vn.contest.core.bank;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's Aiken format: a question on one line, its options as "A. ..." or "A) ...", then "ANSWER: B";
 * blank lines between questions are optional. Aiken has no topics, so the importer gives one.
 */
final class AikenReader {
    private static final Pattern OPTION = Pattern.compile("^([A-Fa-f])[.)]\\s+(.+)$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private AikenReader() {}

    static QuestionSheet read(String text, String topic) {
        List<SheetRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        String question = null;
        int questionLine = 0;
        List<String> options = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (question == null) {
                question = line;
                questionLine = i + 1;
                options.clear();
            } else if (answer.matches()) {
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
            } else if (option.matches() && option.group(1).toUpperCase().charAt(0) == 'A' + options.size()) {
                options.add(option.group(2).strip());
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
}
