package vn.contest.site;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * A contest's share image (Open Graph's 1200x630): its title, its dates and the QR code of its page, drawn with
 * Java2D. Vietnamese needs a font with its stacked diacritics: the first installed family that can draw them
 * ({@link #FAMILIES}: DejaVu Sans and Liberation Sans are in Debian's and most JREs' images), else Java's logical
 * SansSerif, which on a machine with no such font draws boxes for the letters it lacks (see the README).
 */
final class ShareImage {
    static final List<String> FAMILIES = List.of("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Roboto");
    /** Letters the font must draw: every tone mark on every vowel the titles use. */
    static final String SAMPLE = "ẮẰẲẴẶắằẳẵặẤẦẨẪẬấầẩẫậĐđỆệỔổỜờỮữỴỵ";
    static final String FAMILY = family();

    private static final Color INK = new Color(0x1a1a1a);
    private static final Color ACCENT = new Color(0x0b5394);
    private static final Color BAND = new Color(0xf2f5f9);

    private ShareImage() {}

    static String family() {
        Set<String> installed = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .collect(Collectors.toSet());
        return FAMILIES.stream().filter(installed::contains)
                .filter(f -> new Font(f, Font.PLAIN, 20).canDisplayUpTo(SAMPLE) == -1).findFirst().orElse(Font.SANS_SERIF);
    }

    /** The PNG: {@code heading} over the title (e.g. the organiser, or "Tôi đã tham gia"), then {@code lines}, and the QR of {@code url}. */
    static byte[] png(String heading, String title, List<String> lines, String url) {
        int w = ShareTags.IMAGE_WIDTH;
        int h = ShareTags.IMAGE_HEIGHT;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(ACCENT);
            g.fillRect(0, 0, w, 18);
            g.setColor(BAND);
            g.fillRect(0, h - 90, w, 90);

            int qrSize = 330;
            int qrX = w - qrSize - 50;
            int qrY = 110;
            drawQr(g, url, qrX, qrY, qrSize);
            int textWidth = qrX - 60 - 40;

            int y = 90;
            g.setColor(ACCENT);
            g.setFont(new Font(FAMILY, Font.BOLD, 30));
            for (String line : wrap(g, heading == null ? "" : heading, textWidth, 2)) {
                g.drawString(line, 60, y);
                y += 40;
            }
            y += 30;
            g.setColor(INK);
            Font titleFont = new Font(FAMILY, Font.BOLD, 54);
            g.setFont(titleFont);
            for (String line : wrap(g, title, textWidth, 4)) {
                y += g.getFontMetrics().getAscent();
                g.drawString(line, 60, y);
                y += 14;
            }
            y += 30;
            g.setFont(new Font(FAMILY, Font.PLAIN, 30));
            for (String line : lines) {
                for (String part : wrap(g, line, textWidth, 2)) {
                    y += g.getFontMetrics().getAscent();
                    if (y > h - 110) {
                        break;
                    }
                    g.drawString(part, 60, y);
                    y += 10;
                }
            }
            g.setColor(INK);
            g.setFont(new Font(FAMILY, Font.PLAIN, 26));
            g.drawString(url, 60, h - 35);
            g.setFont(new Font(FAMILY, Font.PLAIN, 22));
            String scan = "Quét mã để mở trang";
            g.drawString(scan, qrX + (qrSize - g.getFontMetrics().stringWidth(scan)) / 2, qrY + qrSize + 32);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawQr(Graphics2D g, String url, int x, int y, int size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + url, e);
        }
        g.setColor(Color.WHITE);
        g.fillRect(x, y, size, size);
        g.setColor(Color.BLACK);
        for (int j = 0; j < m.getHeight(); j++) {
            for (int i = 0; i < m.getWidth(); i++) {
                if (m.get(i, j)) {
                    g.fillRect(x + i, y + j, 1, 1);
                }
            }
        }
    }

    /** Words into at most {@code max} lines of {@code width}; the last one ends in "…" when the text is longer. */
    static List<String> wrap(Graphics2D g, String text, int width, int max) {
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
                line = new StringBuilder(candidate);
                continue;
            }
            lines.add(line.toString());
            line = new StringBuilder(words[i]);
            if (lines.size() == max) {
                String last = lines.remove(max - 1);
                while (fm.stringWidth(last + "…") > width && last.contains(" ")) {
                    last = last.substring(0, last.lastIndexOf(' '));
                }
                lines.add(last + "…");
                return lines;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
