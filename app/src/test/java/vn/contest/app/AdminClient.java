package vn.contest.app;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session with the admin web over plain HTTP: cookies kept, redirects not followed. */
final class AdminClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;
    private String from;

    /** Requests from now on come through the proxy as if from {@code address} (X-Forwarded-For). */
    AdminClient from(String address) {
        this.from = address;
        return this;
    }

    AdminClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in through the form; returns the response (303 on success). */
    HttpResponse<String> login(String username, String password) {
        String form = get("/admin/login").body();
        String token = token(form);
        HttpResponse<String> r = post("/admin/login", Map.of("username", username, "password", password), token);
        if (r.statusCode() == 303) {
            String home = r.headers().firstValue("Location").orElse("/admin");
            csrf = token(get(home).body());
        }
        return r;
    }

    String csrf() {
        return csrf;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form post carrying this session's CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, csrf);
    }

    HttpResponse<String> post(String path, Map<String, String> fields, String token) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token);
        }
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A multipart/form-data post whose body streams from {@code body} (built by the caller with the CSRF field). */
    HttpResponse<String> multipart(String path, String boundary, java.util.function.Supplier<java.io.InputStream> body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            if (from != null) {
                request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", from).build();
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in page: " + html.substring(0, Math.min(300, html.length())));
        }
        return m.group(1);
    }
}
