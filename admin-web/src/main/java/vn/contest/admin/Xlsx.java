package vn.contest.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds the .xlsx files the committee downloads: one sheet per table, a bold header row. */
public final class Xlsx implements AutoCloseable {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;

    public Xlsx() {
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
    }

    public Xlsx sheet(String name, List<String> headers, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
        Row top = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            var cell = top.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(header);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else {
                    row.createCell(i).setCellValue(v == null ? "" : v.toString());
                }
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() + 4)) * 256);
        }
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
