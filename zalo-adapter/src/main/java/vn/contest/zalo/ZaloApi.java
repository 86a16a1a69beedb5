package vn.contest.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small OA API v3 client. Zalo answers errors with HTTP 200 and a negative {@code error}: every call checks
 * it. An invalid or expired token (-216, -220) is refreshed once and the call repeated.
 */
final class ZaloApi {
    /** An invalid or expired token: -216 and -220 on the OA API, -124 on ZNS. */
    static final Set<Integer> TOKEN_ERRORS = Set.of(-216, -220, -124);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    static final ObjectMapper JSON = new ObjectMapper();

    private final ZaloConfig config;
    private final OkHttpClient http;
    private final ZaloTokens tokens;

    ZaloApi(ZaloConfig config, OkHttpClient http, ZaloTokens tokens) {
        this.config = config;
        this.http = http;
        this.tokens = tokens;
    }

    /** What Zalo answered: its error code (0 = success), its message and data. */
    record Reply(int error, String message, JsonNode data) {
        boolean ok() {
            return error == 0;
        }
    }

    Reply sendMessage(ObjectNode body) throws IOException {
        return call(token -> new Request.Builder().url(config.apiUrl() + "/v3.0/oa/message/cs").header("access_token", token)
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build());
    }

    /** A ZNS template message to a phone number (84 form), with the OA's token. */
    Reply sendTemplate(ObjectNode body) throws IOException {
        return call(token -> new Request.Builder().url(config.znsUrl() + "/message/template").header("access_token", token)
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build());
    }

    Reply userDetail(String userId) throws IOException {
        String data = URLEncoder.encode("{\"user_id\":\"" + userId + "\"}", StandardCharsets.UTF_8);
        return call(token -> new Request.Builder().url(config.apiUrl() + "/v3.0/oa/user/detail?data=" + data)
                .header("access_token", token).get().build());
    }

    private Reply call(java.util.function.Function<String, Request> request) throws IOException {
        String token = tokens.accessToken();
        Reply reply = execute(request.apply(token));
        if (TOKEN_ERRORS.contains(reply.error())) {
            reply = execute(request.apply(tokens.refresh(token)));
        }
        return reply;
    }

    private Reply execute(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            if (response.code() >= 500) {
                throw new IOException("Zalo answered HTTP " + response.code());
            }
            JsonNode body = JSON.readTree(response.body().bytes());
            return new Reply(body.path("error").asInt(-1), body.path("message").asText(""), body.path("data"));
        }
    }
}
