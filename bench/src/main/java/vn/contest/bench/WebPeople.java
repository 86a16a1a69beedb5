package vn.contest.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** People registered through the web page's own API, each with an open paper, for the load benches. */
final class WebPeople {
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga"};
    private static final Pattern IDS = Pattern.compile("\"id\":(\\d+)");

    private WebPeople() {}

    /** The {@code i}-th bench person's full name: distinct for the first 10,000. */
    static String name(int i) {
        return FAMILY[i % 10] + " " + GIVEN[(i / 10) % 10] + " " + GIVEN[(i / 100) % 10] + " " + FAMILY[(i / 1000) % 10];
    }

    /**
     * Registers {@code n} people, the {@code i}-th in the unit numbered {@code unitOf.apply(i)} (as typed in the chat),
     * each starting a paper: their chat cookie and the last message id their page showed.
     */
    static List<String[]> register(int port, int n, IntFunction<String> unitOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String[]>> cookies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            cookies.add(pool.submit(() -> registerOne(port, k, unitOf.apply(k))));
        }
        List<String[]> out = new ArrayList<>();
        for (Future<String[]> f : cookies) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    private static String[] registerOne(int port, int i, String unit) throws IOException, InterruptedException {
        CookieManager jar = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(jar).build();
        String[][] steps = {{"text", "xin chào"}, {"choice", "consent:yes"}, {"text", name(i)}, {"text", "01/01/1980"},
                {"text", String.format(Locale.ROOT, "09%08d", i)}, {"text", "2"}, {"text", unit}, {"choice", "confirm:yes"},
                {"text", "thi"}};
        long last = 0;
        for (String[] step : steps) {
            String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"" + step[0] + "\":" + json(step[1]) + "}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages?after=" + last))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("registration step " + step[1] + ": HTTP " + r.statusCode() + " " + r.body());
            }
            last = Math.max(last, lastId(r.body()));
        }
        String cookie = jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("chat_session")).findFirst()
                .orElseThrow().getValue();
        return new String[] {cookie, String.valueOf(last)};
    }

    /** The highest message id in a response of the web API (0 for none). */
    static long lastId(String body) {
        long last = 0;
        for (Matcher m = IDS.matcher(body); m.find(); ) {
            last = Math.max(last, Long.parseLong(m.group(1)));
        }
        return last;
    }

    /** {@code s} as a JSON string. */
    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
