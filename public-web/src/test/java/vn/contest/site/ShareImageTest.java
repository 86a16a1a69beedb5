package vn.contest.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The share image's font draws Vietnamese, and a long title is cut to its lines with an ellipsis. No server. On a
 * machine without any of {@link ShareImage#FAMILIES} the first test fails: its share images would show boxes
 * (install fonts-dejavu-core).
 */
class ShareImageTest {
    @Test
    void theFontFoundDrawsEveryVietnameseToneMark() {
        assertTrue(ShareImage.FAMILIES.contains(ShareImage.FAMILY), "no font for Vietnamese found, got " + ShareImage.FAMILY);
        assertEquals(-1, new Font(ShareImage.FAMILY, Font.BOLD, 54).canDisplayUpTo("Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn"
                + ShareImage.SAMPLE));
    }

    @Test
    void aLongTitleIsCutToItsLinesWithAnEllipsis() {
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setFont(new Font(ShareImage.FAMILY, Font.BOLD, 54));
        String title = "Cuộc thi trực tuyến tìm hiểu về lịch sử, truyền thống cách mạng, văn hóa và con người của tỉnh nhân dịp kỷ niệm";
        List<String> lines = ShareImage.wrap(g, title, 600, 3);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).endsWith("…"), lines.toString());
        lines.forEach(l -> assertTrue(g.getFontMetrics().stringWidth(l) <= 600, l));
        assertEquals(List.of("Ngắn gọn"), ShareImage.wrap(g, "Ngắn gọn", 600, 3));
    }
}
