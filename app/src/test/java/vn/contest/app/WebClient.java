package vn.contest.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One browser's conversation with the web channel's HTTP API (its own cookie jar). */
final class WebClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final CookieManager cookies;
    private final HttpClient http;
    private final String base;
    private long after;
    private List<JsonNode> last = List.of();

    WebClient(int port) {
        this(port, new CookieManager(), 0);
    }

    private WebClient(int port, CookieManager cookies, long after) {
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
        this.base = "http://127.0.0.1:" + port;
        this.after = after;
    }

    /** The same browser (cookies, messages seen) talking to a server on another port, as after a restart. */
    WebClient atPort(int port) {
        CookieManager moved = new CookieManager();
        cookies.getCookieStore().getCookies().forEach(c -> moved.getCookieStore().add(URI.create("http://127.0.0.1:" + port), c));
        return new WebClient(port, moved, after);
    }

    List<JsonNode> send(String text) {
        return post(JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("text", text));
    }

    List<JsonNode> tap(String token) {
        return post(JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("choice", token));
    }

    List<JsonNode> post(ObjectNode body) {
        HttpResponse<String> r = raw("POST", "/api/web/messages?after=" + after, body.toString());
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        return read(r.body());
    }

    List<JsonNode> poll() {
        return read(raw("GET", "/api/web/messages?after=" + after, null).body());
    }

    HttpResponse<String> raw(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> read(String body) {
        try {
            List<JsonNode> messages = new ArrayList<>();
            JSON.readTree(body).get("messages").forEach(messages::add);
            if (!messages.isEmpty()) {
                after = messages.get(messages.size() - 1).get("id").asLong();
            }
            last = messages;
            return messages;
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    String text() {
        StringBuilder b = new StringBuilder();
        last.forEach(m -> b.append(m.get("text").asText()).append("\n---\n"));
        return b.toString();
    }

    String token(String label) {
        for (int i = last.size() - 1; i >= 0; i--) {
            for (JsonNode c : last.get(i).get("choices")) {
                if (c.get("label").asText().contains(label)) {
                    return c.get("token").asText();
                }
            }
        }
        throw new AssertionError("no button \"" + label + "\" in " + text());
    }

    /** The token of the {@code index}-th button of the last message that has buttons. */
    String lastChoiceToken(int index) {
        for (int i = last.size() - 1; i >= 0; i--) {
            if (last.get(i).get("choices").size() > index) {
                return last.get(i).get("choices").get(index).get("token").asText();
            }
        }
        throw new AssertionError("no buttons in " + text());
    }

    JsonNode lastQuestion() {
        for (int i = last.size() - 1; i >= 0; i--) {
            if (last.get(i).get("kind").asText().equals("question")) {
                return last.get(i);
            }
        }
        throw new AssertionError("no question in " + text());
    }

    /** This browser with another browser's cookies (the same computer, say after a reload). */
    WebClient withCookiesOf(WebClient other) {
        other.cookies.getCookieStore().getCookies().forEach(c -> cookies.getCookieStore().add(URI.create(base), c));
        return this;
    }

    /** This browser holding a chat cookie copied earlier. */
    WebClient withCookie(String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie("chat_session", value);
        cookie.setPath("/");
        cookies.getCookieStore().add(URI.create(base), cookie);
        return this;
    }

    /** The chat cookie this browser holds now, or null. */
    String cookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("chat_session"))
                .map(java.net.HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }

    /** Everything the page would show after a reload: the whole history, read back. */
    String pollAll() {
        StringBuilder b = new StringBuilder();
        read(raw("GET", "/api/web/messages?after=0", null).body()).forEach(m -> b.append(m.get("text").asText()).append("\n---\n"));
        return b.toString();
    }

    /** The whole history as the page would read it after a reload, message by message. */
    List<JsonNode> pollAllMessages() {
        List<JsonNode> messages = new ArrayList<>();
        try {
            JSON.readTree(raw("GET", "/api/web/messages?after=0", null).body()).get("messages").forEach(messages::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }

    /** Takes a paper on the app, answering the first {@code right} questions correctly, then predicts 100. */
    void takePaper(App app, int right) {
        tap(token("Bắt đầu thi"));
        int questions = app.contest().config().paper().questions();
        for (int i = 0; i < questions; i++) {
            JsonNode q = lastQuestion();
            String[] token = q.get("choices").get(0).get("token").asText().split(":");
            int correct = app.database().jdbi().withHandle(h -> h.createQuery(
                            "SELECT correct_index FROM attempt_questions WHERE attempt_id = :a AND position = :p")
                    .bind("a", Long.parseLong(token[1])).bind("p", Integer.parseInt(token[2])).mapTo(Integer.class).one());
            int pick = i < right ? correct : (correct + 1) % q.get("choices").size();
            tap(q.get("choices").get(pick).get("token").asText());
        }
        send("100");
    }

    void register(String name, String birth, String phone, int group, String unit) {
        send("xin chào");
        tap(token("Đồng ý"));
        send(name);
        send(birth);
        send(phone);
        send(String.valueOf(group));
        send(unit);
        tap(token("Xác nhận"));
        if (!text().contains("Đăng ký thành công")) {
            throw new AssertionError(text());
        }
    }
}
