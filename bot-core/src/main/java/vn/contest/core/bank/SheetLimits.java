package vn.contest.core.bank;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * What one sheet of an .xlsx may hold, enforced while it streams, before the text reaches a buffer: a few
 * kilobytes of compressed XML can unpack into hundreds of megabytes in one cell, and POI's event parser would
 * gather all of it into one string. Each cell's text is capped at Excel's own limit, the sheet's text and its
 * unpacked size as a whole, and no run of XML without markup (one text or attribute value) may exceed a
 * megabyte, so the parser never builds one huge token.
 */
final class SheetLimits {
    /** Excel itself holds at most 32,767 characters in a cell; more means a forged or broken file. */
    static final int MAX_CELL_CHARS = 32_767;
    /** 10,000 questions with long explanations are a few million characters; this is several times that. */
    static final long MAX_SHEET_CHARS = 16L * 1024 * 1024;
    /** The sheet's XML, unpacked. */
    static final long MAX_SHEET_BYTES = 64L * 1024 * 1024;
    /** Bytes without a '<': one cell's text at Excel's limit is at most about 200 KB of escaped UTF-8. */
    static final int MAX_RUN_BYTES = 1024 * 1024;

    private SheetLimits() {}

    /** A limit was passed: the problem to show, where the secretary will find it. */
    static final class Exceeded extends RuntimeException {
        final ImportProblem problem;

        Exceeded(ImportProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    static Exceeded tooMuchText() {
        return new Exceeded(new ImportProblem(1, null, "Tệp Excel chứa quá nhiều chữ (hơn " + MAX_SHEET_CHARS / (1024 * 1024)
                + " triệu ký tự, hoặc hơn " + MAX_SHEET_BYTES / (1024 * 1024) + " MB sau khi giải nén): hãy chia nhỏ tệp."));
    }

    /** A cell past Excel's limit: its row, its column's header (or letter) and its reference ("B7"), where known. */
    static Exceeded cellTooLong(int row, String column, String reference) {
        return new Exceeded(new ImportProblem(row, column, (reference == null ? "một ô" : "ô " + reference) + " có hơn "
                + String.format(java.util.Locale.ROOT, "%,d", MAX_CELL_CHARS).replace(',', '.')
                + " ký tự, quá giới hạn một ô của Excel: tệp bị hỏng hoặc có dữ liệu lạ. Hãy kiểm tra lại ô này."));
    }

    /** The sheet's bytes, counted as they are unpacked: too many in all, or too many between two tags. */
    static final class Bytes extends FilterInputStream {
        private long total;
        private int run;

        Bytes(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(int b) {
            if (++total > MAX_SHEET_BYTES) {
                throw tooMuchText();
            }
            run = b == '<' ? 0 : run + 1;
            if (run > MAX_RUN_BYTES) {
                throw new Exceeded(new ImportProblem(1, null,
                        "Tệp Excel có một đoạn dữ liệu dài bất thường (hơn 1 MB liền): tệp bị hỏng hoặc có dữ liệu lạ."));
            }
        }
    }

    /**
     * Counts the characters the parser hands over, per cell and in all, before they reach POI's handler (which
     * appends them to one buffer per cell). Outside cells, each element is counted on its own.
     */
    static final class Text implements ContentHandler {
        private final ContentHandler next;
        private final CellNames names;
        private long total;
        private long inElement;
        private boolean inCell;
        private String cell;

        /** Where a cell reference such as "C12" is shown: its row number and the column's name. */
        interface CellNames {
            Exceeded tooLong(String reference);
        }

        Text(ContentHandler next, CellNames names) {
            this.next = next;
            this.names = names;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                inCell = true;
                cell = atts.getValue("r");
                inElement = 0;
            } else if (!inCell) {
                inElement = 0;
            }
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("c".equals(localName)) {
                inCell = false;
                cell = null;
            }
            next.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            total += length;
            inElement += length;
            if (total > MAX_SHEET_CHARS) {
                throw tooMuchText();
            }
            if (inElement > MAX_CELL_CHARS) {
                throw cell != null ? names.tooLong(cell) : cellTooLong(1, null, null);
            }
            next.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            next.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            next.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            next.skippedEntity(name);
        }
    }
}
