package vn.contest.core.bank;

import java.util.List;
import java.util.Optional;
import vn.contest.core.text.Folding;

/** The columns of a question file, with the header names a secretary may write for each. */
enum Column {
    TOPIC("Chủ đề", true, "chu de", "topic", "linh vuc"),
    QUESTION("Câu hỏi", true, "cau hoi", "noi dung", "noi dung cau hoi", "question"),
    A("A", true, "a", "phuong an a", "dap an a"),
    B("B", true, "b", "phuong an b", "dap an b"),
    C("C", false, "c", "phuong an c", "dap an c"),
    D("D", false, "d", "phuong an d", "dap an d"),
    E("E", false, "e", "phuong an e", "dap an e"),
    F("F", false, "f", "phuong an f", "dap an f"),
    ANSWER("Đáp án", true, "dap an", "dap an dung", "answer", "correct"),
    EXPLANATION("Giải thích", false, "giai thich", "nguon", "explanation"),
    ROUND("Vòng", false, "vong", "vong thi", "dot", "dot thi", "round"),
    PURPOSE("Dùng cho", false, "dung cho", "muc dich", "su dung", "purpose"),
    FACT_GROUP("Nhóm", false, "nhom", "nhom kien thuc", "nhom cau hoi", "fact group"),
    CHECK_NOTES("Ghi chú kiểm tra", false, "ghi chu kiem tra", "da xem canh bao", "chap nhan canh bao", "check notes");

    static final List<Column> OPTIONS = List.of(A, B, C, D, E, F);

    final String title;
    final boolean required;
    private final List<String> aliases;

    Column(String title, boolean required, String... aliases) {
        this.title = title;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    static Optional<Column> byHeader(String header) {
        String folded = Folding.fold(header).replaceAll("[:*]", "").strip();
        for (Column c : values()) {
            if (c.aliases.contains(folded)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
