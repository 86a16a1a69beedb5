package vn.contest.core.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx, read as a stream of rows (POI's event API over SAX) that stops past the row
 * limit: a small file that unpacks into millions of cells never sits in memory as a workbook. The text it
 * holds is bounded as it streams ({@link SheetLimits}), and so are the shared strings.
 */
final class XlsxRows {
    /** Thrown from inside the parser to stop it once the sheet has more rows than an import takes. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Thrown when the shared strings (every text of the file) unpack beyond what a question bank can hold. */
    private static final class TooMuchText extends IOException {
        TooMuchText() {
            super("shared strings beyond the limit");
        }
    }

    private static final int MAX_COLUMNS = 64;
    /** 10,000 rows of a dozen long cells are a few MB of text; POI keeps all of it in memory, so it is capped. */
    static final long MAX_SHARED_STRINGS_BYTES = 32L * 1024 * 1024;

    private XlsxRows() {}

    static QuestionSheet read(byte[] content) {
        Path file = null;
        try {
            // From a file the package is read part by part, not unpacked whole into memory.
            file = Files.createTempFile("import", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                Collector rows = new Collector();
                XMLReader parser = XMLHelper.newXMLReader();
                ReadOnlySharedStringsTable strings;
                try {
                    strings = sharedStrings(pkg);
                } catch (TooMuchText e) {
                    return QuestionSheet.unreadable("Tệp Excel chứa quá nhiều chữ (quá "
                            + MAX_SHARED_STRINGS_BYTES / (1024 * 1024) + " MB sau khi giải nén): hãy chia nhỏ tệp.");
                }
                parser.setContentHandler(new SheetLimits.Text(
                        new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, new DataFormatter(), false), rows::tooLong));
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return QuestionSheet.unreadable("Tệp Excel không có trang tính nào.");
                }
                try (InputStream sheet = new SheetLimits.Bytes(sheets.next())) {
                    parser.parse(new InputSource(sheet));
                } catch (TooManyRows e) {
                    return QuestionFileReader.tooManyRows();
                }
                return QuestionFileReader.toSheet(rows.rows, rows.numbers);
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            SheetLimits.Exceeded exceeded = exceeded(e);
            if (exceeded != null) {
                return new QuestionSheet(List.of(), List.of(exceeded.problem));
            }
            return QuestionSheet.unreadable("Không đọc được tệp Excel (hãy lưu lại thành .xlsx rồi thử lại).");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans its temp folder
                }
            }
        }
    }

    /** The limit that stopped the parser, which may come wrapped in the parser's own exception. */
    private static SheetLimits.Exceeded exceeded(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SheetLimits.Exceeded x) {
                return x;
            }
            if (c instanceof SAXException sax && sax.getException() instanceof SheetLimits.Exceeded x) {
                return x;
            }
        }
        return null;
    }

    /** The file's shared strings, read through a bound that stops at the cap before they fill the heap. */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException, OpenXML4JException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg);
        }
        try (InputStream in = BoundedInputStream.builder().setInputStream(parts.get(0).getInputStream())
                .setMaxCount(MAX_SHARED_STRINGS_BYTES).setOnMaxCount((max, count) -> {
                    throw new TooMuchText();
                }).get()) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /**
     * Collects cells row by row, keeping each row's number as the spreadsheet shows it. A shared string is counted
     * again in each cell that shows it, so many cells pointing at one long string are bounded too.
     */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<List<String>> rows = new ArrayList<>();
        final List<Integer> numbers = new ArrayList<>();
        private List<String> current;
        private long kept;

        @Override
        public void startRow(int rowNum) {
            if (rows.size() > QuestionFileReader.MAX_ROWS + 1) {
                throw new TooManyRows();
            }
            current = new ArrayList<>();
            rows.add(current);
            numbers.add(rowNum + 1);
        }

        @Override
        public void endRow(int rowNum) {
            current = null;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (current == null || reference == null) {
                return;
            }
            int column = new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                return; // a question file has a dozen columns; far-off cells are not ours to pad up to
            }
            if (value != null && value.length() > SheetLimits.MAX_CELL_CHARS) {
                throw tooLong(reference);
            }
            kept += value == null ? 0 : value.length();
            if (kept > SheetLimits.MAX_SHEET_CHARS) {
                throw SheetLimits.tooMuchText();
            }
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }

        /** A cell past the limit, named as the secretary sees it: its row, and its column's header once read. */
        SheetLimits.Exceeded tooLong(String reference) {
            CellReference ref;
            try {
                ref = new CellReference(reference);
            } catch (RuntimeException e) {
                return SheetLimits.cellTooLong(1, null, null);
            }
            String header = rows.stream().filter(r -> r != current && r.stream().anyMatch(v -> !v.isBlank())).findFirst()
                    .filter(r -> ref.getCol() < r.size() && !r.get(ref.getCol()).isBlank())
                    .map(r -> r.get(ref.getCol()).strip()).orElse(CellReference.convertNumToColString(ref.getCol()));
            return SheetLimits.cellTooLong(ref.getRow() + 1, header, ref.formatAsString(false));
        }
    }
}
