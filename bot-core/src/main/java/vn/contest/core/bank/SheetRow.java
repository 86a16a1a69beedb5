package vn.contest.core.bank;

import java.util.Map;

/** One data row of an imported sheet: its row number as the spreadsheet shows it, values by column. */
record SheetRow(int number, Map<Column, String> values) {
    String get(Column column) {
        String v = values.get(column);
        return v == null ? "" : v.strip();
    }

    boolean isBlank() {
        return values.values().stream().allMatch(v -> v == null || v.isBlank());
    }
}
