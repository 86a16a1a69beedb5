package vn.contest.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Builds the .xlsx files the committee downloads: one sheet per table, a bold header row. Rows are streamed
 * (POI's SXSSF keeps a window of rows in memory and the rest in a compressed temporary file), so a ranking of a
 * million lines is written without holding it.
 */
public final class Xlsx implements AutoCloseable {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 200;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final CellStyle header;

    /** A sheet being written, row after row. */
    public final class SheetWriter {
        private final SXSSFSheet sheet;
        private int next = 1;

        private SheetWriter(SXSSFSheet sheet) {
            this.sheet = sheet;
        }

        public void row(List<Object> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else {
                    row.createCell(i).setCellValue(v == null ? "" : v.toString());
                }
            }
        }
    }

    public Xlsx() {
        workbook.setCompressTempFiles(true);
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
    }

    public Xlsx sheet(String name, List<String> headers, List<List<Object>> rows) {
        SheetWriter writer = sheet(name, headers);
        rows.forEach(writer::row);
        return this;
    }

    /** A new sheet with its header row; write its rows before starting the next sheet. */
    public SheetWriter sheet(String name, List<String> headers) {
        SXSSFSheet sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
        Row top = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            var cell = top.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() + 4)) * 256);
        }
        return new SheetWriter(sheet);
    }

    public void write(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workbook.dispose();
    }
}
