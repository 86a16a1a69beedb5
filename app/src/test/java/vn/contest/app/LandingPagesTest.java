package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front page and the landing pages over HTTP, on the real app: cached with an ETag, small, a Vietnamese 404,
 * share tags and a share image, QR codes that read back to the links, and the old chat links sent on to the chat.
 */
class LandingPagesTest {
    static PublicSiteApp site;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        site = new PublicSiteApp("landing_pages");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> bytes(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(site.base() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theLandingPageIsCachedWithAnETagAndABrowserThatHasItGetsA304() throws Exception {
        HttpResponse<String> first = get("/c/demo-bac-kan");
        assertEquals(200, first.statusCode());
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age=60"), first.headers().map().toString());
        HttpResponse<String> again = get("/c/demo-bac-kan", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, get("/c/demo-bac-kan", "If-None-Match", "\"something-else\"").statusCode());
    }

    @Test
    void theLandingPageIsUnder100KilobytesAndSaysWhatAVisitorNeeds() throws Exception {
        HttpResponse<byte[]> page = bytes("/c/demo-bac-kan");
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        long css = bytes("/site-assets/site.css").body().length;
        long script = bytes("/site-assets/countdown.js").body().length;
        assertTrue(page.body().length + css + script < 100 * 1024, "page, stylesheet and script: " + (page.body().length + css + script));
        assertTrue(html.contains("<html lang=\"vi\">"));
        assertTrue(html.contains("Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn") && html.contains("Bản trình diễn của hệ thống thi trực tuyến"));
        assertTrue(html.contains("Tuần 1") && html.contains("Tuần 4") && html.contains("Đang diễn ra"), "the rounds");
        assertTrue(html.contains("Tuần 1 kết thúc sau") && html.contains("data-until="), "the countdown to the next change");
        assertTrue(html.contains("Từ đủ 15 tuổi") && html.contains("Tôi đang sinh sống, làm việc hoặc học tập trên địa bàn tỉnh Bắc Kạn."));
        assertTrue(html.contains("Nhóm 1: Cán bộ, công chức, viên chức, LLVT") && html.contains("Nhóm 2: Nhân dân"), "the groups");
        assertTrue(html.contains("Giải Nhất: 1 giải") && html.contains("Giải Khuyến khích: 3 giải") && html.contains("Đơn vị dẫn đầu"), "the prizes");
        assertTrue(html.contains("5. Đáp án được công bố sau khi mỗi tuần thi kết thúc."), "the rules in full");
        assertTrue(html.contains("href=\"/c/demo-bac-kan/thong-ke\"") && html.contains("href=\"/c/demo-bac-kan/giai-thuong\""),
                "links to the standings and the winners");
    }

    @Test
    void theWaysInCarryTheUnitOfTheLinkTheVisitorCameThrough() throws Exception {
        String plain = get("/c/demo-bac-kan").body();
        assertTrue(plain.contains("href=\"https://thi.example.gov.vn/thi?contest=demo-bac-kan\""), plain);
        assertTrue(plain.contains("href=\"https://t.me/" + PublicSiteApp.BOT + "?start=demo-bac-kan\""), plain);
        assertTrue(plain.contains("href=\"https://zalo.me/" + PublicSiteApp.OA_ID + "\""), plain);

        String unit = get("/c/demo-bac-kan?don-vi=ba-be").body();
        assertTrue(unit.contains("Huyện Ba Bể"), "the unit is named");
        assertTrue(unit.contains("href=\"https://thi.example.gov.vn/thi?contest=demo-bac-kan&amp;unit=ba-be\""), unit);
        assertTrue(unit.contains("href=\"https://t.me/" + PublicSiteApp.BOT + "?start=demo-bac-kan-ba-be\""), unit);
        assertTrue(unit.contains("<code>/start demo-bac-kan-ba-be</code>"), "Zalo's link cannot carry it: what to send");
        assertEquals("https://t.me/" + PublicSiteApp.BOT + "?start=demo-bac-kan-ba-be", qrText("/c/demo-bac-kan/ma-qr/telegram.png?don-vi=ba-be"));
        assertEquals("https://zalo.me/" + PublicSiteApp.OA_ID, qrText("/c/demo-bac-kan/ma-qr/zalo.png?don-vi=ba-be"));

        HttpResponse<String> bad = get("/c/demo-bac-kan?don-vi=khong-co-%3Cb%3E");
        assertEquals(200, bad.statusCode());
        assertEquals(get("/c/demo-bac-kan").headers().firstValue("ETag"), bad.headers().firstValue("ETag"), "a bad unit: the page without one");
        assertEquals(404, bytes("/c/demo-bac-kan/ma-qr/messenger.png").statusCode(), "a channel not configured");
    }

    @Test
    void anUnknownContestIsA404InVietnamese() throws Exception {
        for (String path : new String[] {"/c/khong-co", "/c/khong-co/anh-chia-se.png", "/c/khong-co/ma-qr/telegram.png"}) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("Không tìm thấy trang") && r.body().contains("href=\"/\""), r.body());
        }
    }

    @Test
    void everyPageCarriesShareTagsWithItsImage() throws Exception {
        String html = get("/c/demo-bac-kan?don-vi=ba-be").body();
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn\">"), html);
        assertTrue(html.contains("<meta property=\"og:url\" content=\"https://thi.example.gov.vn/c/demo-bac-kan\">"), "PUBLIC_URL, no unit");
        assertTrue(html.contains("<meta property=\"og:image\" content=\"https://thi.example.gov.vn/c/demo-bac-kan/anh-chia-se.png\">"), html);
        assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assertTrue(html.contains("<meta property=\"og:description\" content=\""));
        String front = get("/").body();
        assertTrue(front.contains("<meta property=\"og:url\" content=\"https://thi.example.gov.vn/\">"), front);
        assertTrue(front.contains("property=\"og:image\""), front);
    }

    @Test
    void theShareImageIsA1200By630PngWithTheQrCodeOfThePage() throws Exception {
        HttpResponse<byte[]> png = bytes("/c/demo-bac-kan/anh-chia-se.png");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertTrue(png.headers().firstValue("ETag").isPresent());
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "share-image.png"), png.body());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        assertEquals("https://thi.example.gov.vn/c/demo-bac-kan", qr(image));
    }

    @Test
    void theFrontPageListsTheContestsAndKeepsTheDomainVerification() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<meta name=\"zalo-platform-site-verification\" content=\"" + PublicSiteApp.VERIFICATION + "\" />"), html);
        int open = html.indexOf("Đang diễn ra");
        int coming = html.indexOf("Sắp diễn ra");
        assertTrue(open > 0 && coming > open, html);
        assertTrue(html.indexOf("href=\"/c/demo-bac-kan\"") > open && html.indexOf("href=\"/c/demo-bac-kan\"") < coming, "the demo is open");
        assertTrue(html.indexOf("href=\"/c/" + PublicSiteApp.COMING + "\"") > coming, "the other is coming");
        assertFalse(html.contains("Đã kết thúc"), "none has closed");
        assertEquals(get("/").body(), get("/index.html").body());
    }

    @Test
    void aChatLinkPrintedBeforeIsSentOnToTheChatPageWithItsQuery() throws Exception {
        for (String query : new String[] {"?contest=demo-bac-kan&unit=ba-be", "?unit=ba-be", "?start=demo-bac-kan-ba-be"}) {
            HttpResponse<String> r = get("/" + query);
            assertEquals(302, r.statusCode(), query);
            assertEquals("/thi" + query, r.headers().firstValue("Location").orElse(""));
            assertEquals(302, get("/index.html" + query).statusCode());
        }
        // A front page shared on Facebook or Zalo comes back with the platform's own tags: it stays the front page.
        HttpResponse<String> shared = get("/?fbclid=IwAR0abc&utm_source=zalo");
        assertEquals(200, shared.statusCode());
        assertTrue(shared.body().contains("href=\"/c/demo-bac-kan\""), "the front page, not the chat");
        HttpResponse<String> chat = get("/thi?contest=demo-bac-kan&unit=ba-be");
        assertEquals(200, chat.statusCode());
        assertTrue(chat.body().contains("id=\"composer\""), "the chat page");
    }

    static String qrText(String path) throws Exception {
        HttpResponse<byte[]> png = bytes(path);
        assertEquals(200, png.statusCode(), path);
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        return qr(ImageIO.read(new ByteArrayInputStream(png.body())));
    }

    static String qr(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new com.google.zxing.MultiFormatReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true,
                com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(com.google.zxing.BarcodeFormat.QR_CODE))).getText();
    }
}
