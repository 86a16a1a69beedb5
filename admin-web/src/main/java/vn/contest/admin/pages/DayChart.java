package vn.contest.admin.pages;

import java.util.List;
import java.util.Locale;

/** Papers per day as a bar chart in plain SVG, drawn on the server: no chart library, nothing from a CDN. */
final class DayChart {
    private static final int HEIGHT = 160;
    private static final int BAR = 22;
    private static final int GAP = 6;
    /** Room for four weeks, so a contest's first days do not stretch into giant bars. */
    private static final int MIN_SLOTS = 28;

    private DayChart() {}

    static String svg(List<DashboardPage.Day> days) {
        if (days.isEmpty()) {
            return "<p class=\"muted\">Chưa có lượt thi nào.</p>";
        }
        long max = Math.max(1, days.stream().mapToLong(DashboardPage.Day::papers).max().orElse(1));
        int width = Math.max(days.size(), MIN_SLOTS) * (BAR + GAP) + GAP;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Số lượt thi theo ngày\">", width, HEIGHT + 34));
        for (int i = 0; i < days.size(); i++) {
            DashboardPage.Day d = days.get(i);
            int h = (int) Math.round((double) d.papers() / max * HEIGHT);
            int x = GAP + i * (BAR + GAP);
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#b91c1c\"><title>%s: %d lượt thi</title></rect>",
                    x, HEIGHT - h + 14, BAR, h, d.date(), d.papers()));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%d</text>",
                    x + BAR / 2, HEIGHT - h + 11, d.papers()));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"8\" text-anchor=\"middle\">%s</text>",
                    x + BAR / 2, HEIGHT + 28, d.date()));
        }
        return b.append("</svg>").toString();
    }
}
