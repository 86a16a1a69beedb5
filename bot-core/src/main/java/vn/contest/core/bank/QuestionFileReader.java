package vn.contest.core.bank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads the first sheet of an .xlsx/.xls file, or a UTF-8 CSV file, into rows keyed by column. */
final class QuestionFileReader {
    static final int MAX_ROWS = 10_000;

    private QuestionFileReader() {}

    static QuestionSheet read(byte[] content) {
        if (content.length == 0) {
            return QuestionSheet.unreadable("Tệp trống.");
        }
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        boolean ole = content.length > 3 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF;
        return zip ? XlsxRows.read(content) : ole ? readWorkbook(content) : readCsv(content);
    }

    /** A too-big file is refused as soon as it is known, not after it was all read. */
    static QuestionSheet tooManyRows() {
        return QuestionSheet.unreadable("Tệp có hơn " + MAX_ROWS + " dòng; mỗi lần nhập tối đa " + MAX_ROWS
                + " câu hỏi. Hãy chia thành nhiều tệp.");
    }

    /** The old binary .xls: at most 65,536 rows by its format, so it is read whole. */
    private static QuestionSheet readWorkbook(byte[] content) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                }
                rows.add(cells);
                numbers.add(row.getRowNum() + 1);
            }
            return toSheet(rows, numbers);
        } catch (IOException | RuntimeException e) {
            return QuestionSheet.unreadable("Không đọc được tệp Excel (hãy lưu lại thành .xlsx rồi thử lại).");
        }
    }

    private static QuestionSheet readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return QuestionSheet.unreadable("Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: \"CSV UTF-8\").");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = delimiterOf(firstLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(false).get();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (rows.size() > MAX_ROWS + 1) {
                    return tooManyRows();
                }
                rows.add(record.toList());
                // A quoted cell may span lines; the secretary counts records as rows, as a spreadsheet shows them.
                numbers.add((int) record.getRecordNumber());
            }
        } catch (IOException | RuntimeException e) {
            return QuestionSheet.unreadable("Tệp CSV không đúng định dạng: " + e.getMessage());
        }
        return toSheet(rows, numbers);
    }

    /** Excel in a Vietnamese locale writes ";" between cells; others write ",". */
    private static char delimiterOf(String header) {
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    static QuestionSheet toSheet(List<List<String>> rows, List<Integer> numbers) {
        int headerAt = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stream().anyMatch(v -> v != null && !v.isBlank())) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            return QuestionSheet.unreadable("Tệp không có dữ liệu.");
        }
        List<ImportProblem> problems = new ArrayList<>();
        int headerRow = numbers.get(headerAt);
        Map<Integer, Column> columns = new LinkedHashMap<>();
        List<String> header = rows.get(headerAt);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            var column = Column.byHeader(name);
            if (column.isEmpty()) {
                problems.add(new ImportProblem(headerRow, name.strip(), "tên cột không nhận ra; các cột dùng được: "
                        + "Chủ đề, Câu hỏi, A, B, C, D, E, F, Đáp án, Giải thích, Vòng, Dùng cho, Nhóm, Ghi chú kiểm tra."));
            } else if (columns.containsValue(column.get())) {
                problems.add(new ImportProblem(headerRow, name.strip(), "cột " + column.get().title + " xuất hiện hai lần."));
            } else {
                columns.put(i, column.get());
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !columns.containsValue(c)) {
                problems.add(new ImportProblem(headerRow, c.title, "thiếu cột bắt buộc."));
            }
        }
        List<SheetRow> data = new ArrayList<>();
        for (int i = headerAt + 1; i < rows.size(); i++) {
            Map<Column, String> values = new EnumMap<>(Column.class);
            List<String> cells = rows.get(i);
            columns.forEach((index, column) -> values.put(column, index < cells.size() ? cells.get(index) : ""));
            SheetRow row = new SheetRow(numbers.get(i), values);
            if (!row.isBlank()) {
                data.add(row);
            }
        }
        if (data.size() > MAX_ROWS) {
            problems.add(new ImportProblem(headerRow, null, "tệp có " + data.size() + " câu hỏi; mỗi lần nhập tối đa " + MAX_ROWS + "."));
        }
        return new QuestionSheet(data, problems);
    }
}
