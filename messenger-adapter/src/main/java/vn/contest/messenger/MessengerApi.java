package vn.contest.messenger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small Graph API client for the Page: the Send API, the Messenger Profile API and the Page's own identity, each
 * with the Page access token. Graph answers an error with a 4xx and {@code {"error":{"message","type","code",
 * "error_subcode","fbtrace_id"}}}; a 5xx or a broken answer is a passing fault (an IOException).
 */
final class MessengerApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final MessengerConfig config;
    private final OkHttpClient http;

    MessengerApi(MessengerConfig config, OkHttpClient http) {
        this.config = config;
        this.http = http;
    }

    /**
     * What Graph answered: the HTTP status, its error code and subcode (0 when none) and message, and the body.
     */
    record Reply(int status, int code, int subcode, String message, JsonNode body) {
        boolean ok() {
            return status / 100 == 2 && code == 0;
        }

        /** "10 (2018278) message" or "HTTP 429": the code first, as the dispatcher's metrics read it. */
        String reason() {
            if (code == 0) {
                return status + " HTTP" + (message.isEmpty() ? "" : " " + message);
            }
            return code + (subcode == 0 ? "" : " (" + subcode + ")") + " " + message;
        }
    }

    /** POST /vXX.X/me/messages: a message or a sender action to one person. */
    Reply send(ObjectNode body) throws IOException {
        return execute(post("/me/messages", body));
    }

    /** POST /vXX.X/me/messenger_profile: the Get Started button, the greeting and the persistent menu. */
    Reply setProfile(ObjectNode body) throws IOException {
        return execute(post("/me/messenger_profile", body));
    }

    /** GET /vXX.X/me?fields=id,name: the Page the token belongs to (a check of the token). */
    Reply page() throws IOException {
        return execute(new Request.Builder().url(url("/me").newBuilder().addQueryParameter("fields", "id,name").build()).get().build());
    }

    private Request post(String path, ObjectNode body) {
        return new Request.Builder().url(url(path)).post(RequestBody.create(body.toString(), JSON_TYPE)).build();
    }

    /** The documented form: the Page token as the access_token parameter (masked out of failures, see {@link #execute}). */
    private HttpUrl url(String path) {
        return HttpUrl.get(config.graph(path)).newBuilder().addQueryParameter("access_token", config.pageToken()).build();
    }

    /** As {@link #call}, with the token masked out of any failure's message (the URL carries it). */
    private Reply execute(Request request) throws IOException {
        try {
            return call(request);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new IOException(e.getClass().getSimpleName() + ": " + message.replace(config.pageToken(), "<token>"));
        }
    }

    private Reply call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            if (response.code() >= 500) {
                throw new IOException("Graph answered HTTP " + response.code());
            }
            byte[] bytes = response.body().bytes();
            JsonNode body;
            try {
                body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            } catch (IOException e) {
                throw new IOException("Graph answered HTTP " + response.code() + " with a body that is not JSON");
            }
            JsonNode error = body.path("error");
            if (error.isObject()) {
                return new Reply(response.code(), error.path("code").asInt(-1), error.path("error_subcode").asInt(0),
                        error.path("message").asText(""), body);
            }
            return new Reply(response.code(), 0, 0, response.isSuccessful() ? "" : response.message(), body);
        }
    }
}
