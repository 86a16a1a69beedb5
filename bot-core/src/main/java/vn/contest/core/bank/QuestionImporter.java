package vn.contest.core.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.bank.review.Item;
import vn.contest.core.bank.review.ItemCheck;
import vn.contest.core.bank.review.ItemChecks;
import vn.contest.core.bank.review.ItemWarning;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.contest.Topic;
import vn.contest.core.text.AnswerLetters;
import vn.contest.core.text.Folding;

/**
 * Imports a question file into a contest's bank, all or nothing: every row is checked first, and one bad row
 * means no row is written. The item checks ({@link ItemChecks}) then review the rows against each other and the
 * bank, and their warnings come back with the report whether the file was imported or not.
 */
public final class QuestionImporter {
    static final int MAX_QUESTION_LENGTH = 1000;
    static final int MAX_OPTION_LENGTH = 300;
    static final int MAX_GROUP_LENGTH = 100;

    private final Jdbi jdbi;

    public QuestionImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public ImportReport importFile(Contest contest, byte[] content) {
        QuestionSheet sheet = QuestionFileReader.read(content);
        if (!sheet.problems().isEmpty()) {
            // A missing or unknown column: checking the rows would only repeat it on every line.
            return new ImportReport(0, sheet.problems());
        }
        return importSheet(contest, sheet);
    }

    /**
     * Imports a file by its name: {@code .gift} as Moodle GIFT, {@code .txt} as Aiken, anything else as
     * .xlsx/.csv. {@code defaultTopic} (a code or name) is the topic of questions the file does not place.
     */
    public ImportReport importFile(Contest contest, byte[] content, String fileName, String defaultTopic) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".gift") || name.endsWith(".txt")) {
            String text;
            try {
                text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(content)).toString().replace("\uFEFF", "");
            } catch (java.nio.charset.CharacterCodingException e) {
                return new ImportReport(0, List.of(new ImportProblem(1, null, "tệp phải được lưu với bảng mã UTF-8.")));
            }
            return importSheet(contest, name.endsWith(".gift") ? GiftReader.read(text, defaultTopic) : AikenReader.read(text, defaultTopic));
        }
        return importFile(contest, content);
    }

    /** Checks every row (with the problems the reader already found) and imports all of them, or none. */
    private ImportReport importSheet(Contest contest, QuestionSheet sheet) {
        return jdbi.inTransaction(h -> {
            // One import at a time per contest, so two uploads of the same file cannot both pass the duplicate check.
            h.execute("SELECT pg_advisory_xact_lock(hashtext('question-import'), CAST(? AS int))", (int) contest.id());
            List<ImportProblem> problems = new ArrayList<>(sheet.problems());
            List<QuestionDraft> drafts = new ArrayList<>();
            Map<String, Long> existing = existingQuestions(h, contest.id());
            Map<String, Integer> seenInFile = new HashMap<>();
            for (SheetRow row : sheet.rows()) {
                QuestionDraft draft = check(row, contest, problems);
                if (draft == null) {
                    continue;
                }
                String key = duplicateKey(draft.text());
                if (seenInFile.containsKey(key)) {
                    problems.add(new ImportProblem(row.number(), Column.QUESTION.title,
                            "trùng với câu hỏi ở dòng " + seenInFile.get(key) + "."));
                } else if (existing.containsKey(key)) {
                    problems.add(new ImportProblem(row.number(), Column.QUESTION.title,
                            "câu hỏi này đã có trong ngân hàng (mã " + existing.get(key) + ")."));
                } else {
                    seenInFile.put(key, row.number());
                    drafts.add(draft);
                }
            }
            if (drafts.isEmpty() && problems.isEmpty() && sheet.rows().isEmpty()) {
                problems.add(new ImportProblem(1, null, "tệp không có câu hỏi nào."));
            }
            List<ItemWarning> warnings = drafts.isEmpty() ? List.of() : ItemChecks.review(drafts, bankItems(h, contest.id()));
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
                return new ImportReport(0, problems, warnings);
            }
            Map<String, Long> topicIds = new HashMap<>();
            contest.topics().forEach(t -> topicIds.put(t.code(), t.id()));
            for (QuestionDraft d : drafts) {
                insert(h, contest.id(), topicIds.get(d.topicCode()), d);
            }
            return new ImportReport(drafts.size(), List.of(), warnings);
        });
    }

    private static QuestionDraft check(SheetRow row, Contest contest, List<ImportProblem> problems) {
        int before = problems.size();
        int n = row.number();
        Topic topic = null;
        String topicText = row.get(Column.TOPIC);
        if (topicText.isEmpty()) {
            problems.add(new ImportProblem(n, Column.TOPIC.title, "chưa ghi chủ đề."));
        } else {
            topic = findTopic(contest, topicText);
            if (topic == null) {
                problems.add(new ImportProblem(n, Column.TOPIC.title, "chủ đề \"" + topicText
                        + "\" không có trong cuộc thi; dùng mã hoặc tên: "
                        + String.join(", ", contest.topics().stream().map(Topic::code).toList()) + "."));
            }
        }
        String text = Folding.tidy(row.get(Column.QUESTION));
        if (text.isEmpty()) {
            problems.add(new ImportProblem(n, Column.QUESTION.title, "chưa có nội dung câu hỏi."));
        } else if (text.length() > MAX_QUESTION_LENGTH) {
            problems.add(new ImportProblem(n, Column.QUESTION.title, "dài " + text.length() + " ký tự; tối đa " + MAX_QUESTION_LENGTH + "."));
        }
        List<String> options = new ArrayList<>();
        boolean gap = false;
        for (Column c : Column.OPTIONS) {
            String option = Folding.tidy(row.get(c));
            if (option.isEmpty()) {
                gap = true;
                continue;
            }
            if (gap) {
                problems.add(new ImportProblem(n, c.title, "có nội dung nhưng phương án đứng trước còn trống; hãy điền liền từ A."));
            } else if (option.length() > MAX_OPTION_LENGTH) {
                problems.add(new ImportProblem(n, c.title, "dài " + option.length() + " ký tự; tối đa " + MAX_OPTION_LENGTH + "."));
            } else if (options.stream().anyMatch(o -> duplicateKey(o).equals(duplicateKey(option)))) {
                problems.add(new ImportProblem(n, c.title, "trùng với một phương án khác của câu này."));
            }
            options.add(option);
        }
        if (options.size() < 2 && !gap) {
            problems.add(new ImportProblem(n, Column.B.title, "mỗi câu cần ít nhất hai phương án A và B."));
        } else if (options.size() < 2) {
            problems.add(new ImportProblem(n, options.isEmpty() ? Column.A.title : Column.B.title, "mỗi câu cần ít nhất hai phương án A và B."));
        }
        String answer = row.get(Column.ANSWER);
        OptionalInt correct = AnswerLetters.parse(answer);
        if (answer.isEmpty()) {
            problems.add(new ImportProblem(n, Column.ANSWER.title, "chưa ghi đáp án đúng (một chữ cái A-F)."));
        } else if (correct.isEmpty()) {
            problems.add(new ImportProblem(n, Column.ANSWER.title, "\"" + answer + "\" không phải một chữ cái A-F."));
        } else if (correct.getAsInt() >= options.size()) {
            problems.add(new ImportProblem(n, Column.ANSWER.title, "đáp án " + answer.strip().toUpperCase()
                    + " chỉ tới một phương án trống."));
        }
        String roundText = row.get(Column.ROUND).strip();
        Round round = roundText.isEmpty() ? null : findRound(contest, roundText);
        if (!roundText.isEmpty() && round == null) {
            problems.add(new ImportProblem(n, Column.ROUND.title, "vòng \"" + roundText + "\" không có trong cuộc thi; dùng mã hoặc tên: "
                    + String.join(", ", contest.rounds().stream().map(Round::code).toList()) + ", hoặc để trống cho mọi vòng."));
        }
        String purpose = Folding.fold(row.get(Column.PURPOSE)).strip();
        boolean practice = PRACTICE.contains(purpose);
        if (!practice && !purpose.isEmpty() && !CONTEST.contains(purpose)) {
            problems.add(new ImportProblem(n, Column.PURPOSE.title, "\"" + row.get(Column.PURPOSE).strip()
                    + "\" không hợp lệ; ghi \"thi\" (hoặc để trống) hay \"luyện tập\"."));
        }
        String group = Folding.tidy(row.get(Column.FACT_GROUP));
        if (group.length() > MAX_GROUP_LENGTH) {
            problems.add(new ImportProblem(n, Column.FACT_GROUP.title, "dài " + group.length() + " ký tự; tối đa " + MAX_GROUP_LENGTH
                    + ". Nhóm chỉ cần một tên ngắn chung cho các câu về cùng một điều, ví dụ \"NĐ 13/2023\"."));
        }
        String notes = row.get(Column.CHECK_NOTES).strip();
        for (String unknown : ItemCheck.Notes.parse(notes).unknown()) {
            problems.add(new ImportProblem(n, Column.CHECK_NOTES.title, "\"" + unknown + "\" không phải tên một kiểm tra; ghi một hay "
                    + "nhiều tên trong " + ItemCheck.titles() + ", cách nhau bằng dấu chấm phẩy, lý do (nếu có) sau dấu hai chấm."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new QuestionDraft(n, topic.code(), text, List.copyOf(options), correct.getAsInt(),
                Folding.tidy(row.get(Column.EXPLANATION)), round == null ? null : round.code(), practice,
                group.isEmpty() ? null : group, notes);
    }

    /** The "Dùng cho" values, folded: a contest question (the default) or a practice-only one. */
    private static final java.util.Set<String> CONTEST = java.util.Set.of("thi", "du thi", "thi chinh thuc", "contest");
    private static final java.util.Set<String> PRACTICE = java.util.Set.of("luyen tap", "on tap", "thi thu", "practice");

    private static Round findRound(Contest contest, String text) {
        String f = Folding.fold(text);
        return contest.rounds().stream().filter(r -> Folding.fold(r.code()).equals(f) || Folding.fold(r.name()).equals(f))
                .findFirst().orElse(null);
    }

    private static Topic findTopic(Contest contest, String text) {
        String folded = Folding.fold(text);
        return contest.topics().stream()
                .filter(t -> Folding.fold(t.code()).equals(folded) || Folding.fold(t.name()).equals(folded))
                .findFirst().orElse(null);
    }

    /** The bank's drawn (active) questions, for the item checks to compare a file's rows with. */
    private static List<Item> bankItems(Handle h, long contestId) {
        return h.createQuery("""
                SELECT q.id, q.text, q.explanation, q.purpose, q.fact_group, array_agg(o.text ORDER BY o.position) AS options,
                       (array_agg(o.position ORDER BY o.position) FILTER (WHERE o.correct))[1] AS correct
                FROM questions q JOIN question_options o ON o.question_id = q.id
                WHERE q.contest_id = :c AND q.active GROUP BY q.id ORDER BY q.id""")
                .bind("c", contestId)
                .map((rs, ctx) -> Item.stored(rs.getLong("id"), rs.getString("text"), List.of((String[]) rs.getArray("options").getArray()),
                        rs.getInt("correct"), rs.getString("explanation"), "practice".equals(rs.getString("purpose")),
                        rs.getString("fact_group")))
                .list();
    }

    private static Map<String, Long> existingQuestions(Handle h, long contestId) {
        Map<String, Long> byText = new HashMap<>();
        h.createQuery("SELECT id, text FROM questions WHERE contest_id = :c").bind("c", contestId)
                .map((rs, ctx) -> Map.entry(duplicateKey(rs.getString("text")), rs.getLong("id")))
                .forEach(e -> byText.putIfAbsent(e.getKey(), e.getValue()));
        return byText;
    }

    /** Checks one question typed into a form, exactly as a row of an imported file is checked. */
    public static QuestionCheck checkOne(Contest contest, String topic, String text, List<String> options, String answer, String explanation,
                                         boolean practice, String factGroup, String checkNotes) {
        java.util.Map<Column, String> values = new java.util.EnumMap<>(Column.class);
        values.put(Column.TOPIC, topic);
        values.put(Column.QUESTION, text);
        for (int i = 0; i < Column.OPTIONS.size(); i++) {
            values.put(Column.OPTIONS.get(i), i < options.size() ? options.get(i) : "");
        }
        values.put(Column.ANSWER, answer);
        values.put(Column.EXPLANATION, explanation);
        values.put(Column.PURPOSE, practice ? "luyện tập" : "thi");
        values.put(Column.FACT_GROUP, factGroup);
        values.put(Column.CHECK_NOTES, checkNotes);
        List<ImportProblem> problems = new ArrayList<>();
        QuestionDraft draft = check(new SheetRow(1, values), contest, problems);
        return new QuestionCheck(draft, problems);
    }

    public record QuestionCheck(QuestionDraft draft, List<ImportProblem> problems) {}

    /** Adds one checked question; returns its id. */
    public long add(Contest contest, QuestionDraft d) {
        return jdbi.inTransaction(h -> insert(h, contest.id(), topicId(contest, d.topicCode()), d));
    }

    /**
     * Replaces a question's text, options, answer and topic. Papers already drawn keep their own snapshot, so
     * no graded paper changes; only papers drawn from now on see the new wording.
     */
    public void update(Handle h, Contest contest, long questionId, QuestionDraft d) {
        h.createUpdate("""
                UPDATE questions SET topic_id = :t, text = :text, explanation = :e, round_code = coalesce(:round, round_code), purpose = :purpose,
                       fact_group = :group, check_notes = :notes, updated_at = now()
                WHERE id = :id AND contest_id = :c""")
                .bind("t", topicId(contest, d.topicCode())).bind("text", d.text()).bind("e", d.explanation()).bind("round", d.roundCode())
                .bind("purpose", d.purpose()).bind("group", d.factGroup()).bind("notes", d.checkNotes())
                .bind("id", questionId).bind("c", contest.id()).execute();
        h.execute("DELETE FROM question_options WHERE question_id = ?", questionId);
        var batch = h.prepareBatch("INSERT INTO question_options (question_id, position, text, correct) VALUES (:q, :p, :text, :correct)");
        for (int i = 0; i < d.options().size(); i++) {
            batch.bind("q", questionId).bind("p", i).bind("text", d.options().get(i)).bind("correct", i == d.correctIndex()).add();
        }
        batch.execute();
    }

    /** Another question of the bank with the same text (ignoring case and diacritics), if any. */
    public java.util.Optional<Long> sameText(Contest contest, String text, long exceptId) {
        return java.util.Optional.ofNullable(jdbi.withHandle(h -> existingQuestions(h, contest.id()))
                .get(duplicateKey(text))).filter(id -> id != exceptId);
    }

    /**
     * Two questions are the same when their text differs only in case, spacing or final punctuation. Diacritics
     * count: in Vietnamese "năm" and "nam" are different words.
     */
    static String duplicateKey(String text) {
        return Folding.tidy(text).toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s.?!:;…]+$", "");
    }

    private static long topicId(Contest contest, String code) {
        return contest.topics().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }

    static long insert(Handle h, long contestId, long topicId, QuestionDraft d) {
        long id = h.createQuery("""
                INSERT INTO questions (contest_id, topic_id, text, explanation, round_code, purpose, fact_group, check_notes)
                VALUES (:c, :t, :text, :explanation, :round, :purpose, :group, :notes) RETURNING id""")
                .bind("c", contestId).bind("t", topicId).bind("text", d.text()).bind("explanation", d.explanation())
                .bind("round", d.roundCode()).bind("purpose", d.purpose()).bind("group", d.factGroup()).bind("notes", d.checkNotes())
                .mapTo(Long.class).one();
        var batch = h.prepareBatch("INSERT INTO question_options (question_id, position, text, correct) VALUES (:q, :p, :text, :correct)");
        for (int i = 0; i < d.options().size(); i++) {
            batch.bind("q", id).bind("p", i).bind("text", d.options().get(i)).bind("correct", i == d.correctIndex()).add();
        }
        batch.execute();
        return id;
    }

    /** How many active questions the contest's bank holds. */
    public int activeCount(Contest contest) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM questions WHERE contest_id = :c AND active")
                .bind("c", contest.id()).mapTo(Integer.class).one());
    }
}
