package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A participant who finishes a paper is offered two share cards: one saying they took part, one with the score,
 * signed so that nobody can make a card with a score they did not get. Neither names the person.
 */
class ShareCardTest {
    static App app;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PUBLIC = "https://thi.example.gov.vn";

    @BeforeAll
    static void start() throws Exception {
        app = TestApps.onSharedServer("share_cards", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theResultOffersACardWithoutAndOneWithTheScoreAndAForgedScoreIsNotShown() throws Exception {
        WebClient c = new WebClient(app.port());
        c.register("Phạm Thị Chia", "02/02/1990", "0912000777", 2, "23");
        c.takePaper(app, 7);
        String result = c.text();
        assertTrue(result.contains("Số câu trả lời đúng: 7/10"), result);
        assertTrue(result.contains("Chia sẻ với bạn bè rằng bạn đã tham gia: " + PUBLIC + "/c/demo-bac-kan/chia-se\n"), result);
        Matcher m = Pattern.compile(Pattern.quote(PUBLIC) + "(/c/demo-bac-kan/chia-se\\?diem=7-10&ky=([A-Za-z0-9_-]+))").matcher(result);
        assertTrue(m.find(), result);
        String scored = m.group(1);
        String signature = m.group(2);

        String plain = get("/c/demo-bac-kan/chia-se").body();
        assertTrue(plain.contains("Tôi đã tham gia cuộc thi") && plain.contains("Thi thử: Tìm hiểu về chuyển đổi số tỉnh Bắc Kạn"), plain);
        assertFalse(plain.contains("Số câu trả lời đúng"), "no score unless they choose");
        assertTrue(plain.contains("<meta property=\"og:image\" content=\"" + PUBLIC + "/c/demo-bac-kan/chia-se.png\">"), plain);

        HttpResponse<String> withScore = get(scored);
        assertEquals(200, withScore.statusCode());
        assertTrue(withScore.body().contains("Số câu trả lời đúng: 7/10"), withScore.body());
        assertTrue(withScore.body().contains("property=\"og:image\" content=\"" + PUBLIC + "/c/demo-bac-kan/chia-se.png?diem=7-10&amp;ky=" + signature),
                withScore.body());
        for (String page : new String[] {plain, withScore.body()}) {
            assertFalse(page.contains("Phạm Thị Chia") || page.contains("0912000777") || page.contains("02/02/1990"), "nothing personal");
        }

        for (String forged : new String[] {"/c/demo-bac-kan/chia-se?diem=10-10&ky=" + signature,
                "/c/demo-bac-kan/chia-se?diem=7-10&ky=" + signature.substring(1) + "A", "/c/demo-bac-kan/chia-se?diem=7-10",
                "/c/demo-bac-kan/chia-se?diem=999999999999-1&ky=x"}) {
            HttpResponse<String> r = get(forged);
            assertEquals(200, r.statusCode(), forged);
            assertFalse(r.body().contains("Số câu trả lời đúng"), forged);
        }

        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + scored.replace("chia-se?", "chia-se.png?")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "share-card.png"), png.body());
    }
}
