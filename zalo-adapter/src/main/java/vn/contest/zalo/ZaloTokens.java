package vn.contest.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OA's access token, kept in the database for every instance. Zalo's refresh token works once, so a
 * refresh runs under a PostgreSQL advisory lock (one at a time across instances), and the new pair is
 * committed before anyone uses it. A refresh that fails is logged loudly and kept for the health page.
 */
public final class ZaloTokens {
    static final String CHANNEL = "zalo";
    /** Zalo access tokens live 25 hours; refresh well before. */
    static final Duration REFRESH_AHEAD = Duration.ofHours(3);
    /** The first pair comes from the environment with an unknown age: assume it is half spent. */
    static final Duration ASSUMED_LIFE_OF_FIRST_PAIR = Duration.ofHours(12);
    /** How a refresh that got no answer at all (network, DNS, time-out) is reported. */
    static final String NO_ANSWER = "no answer from Zalo OAuth";
    private static final long LOCK_KEY = 0x7a61_6c6f_746f_6b6eL; // "zalotokn"
    private static final Logger log = LoggerFactory.getLogger(ZaloTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final ZaloConfig config;
    private final OkHttpClient http;
    private final Clock clock;

    public ZaloTokens(Jdbi jdbi, ZaloConfig config, OkHttpClient http, Clock clock) {
        this.jdbi = jdbi;
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    /** Stores the environment's first pair unless the database already holds a newer one. */
    public void seed() {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO platform_tokens (channel, access_token, refresh_token, expires_at)
                VALUES (:ch, :access, :refresh, :expires) ON CONFLICT (channel) DO NOTHING""")
                .bind("ch", CHANNEL).bind("access", config.accessToken()).bind("refresh", config.refreshToken())
                .bind("expires", clock.instant().plus(ASSUMED_LIFE_OF_FIRST_PAIR).atOffset(ZoneOffset.UTC)).execute());
    }

    public String accessToken() {
        return jdbi.withHandle(h -> h.createQuery("SELECT access_token FROM platform_tokens WHERE channel = :ch")
                .bind("ch", CHANNEL).mapTo(String.class).one());
    }

    /**
     * Replaces {@code stale} (the token a call was refused with) by a fresh one and returns it. If another
     * instance already replaced it, no second refresh is made: the one it stored is returned.
     */
    public String refresh(String stale) {
        try {
            return jdbi.inTransaction(h -> {
                h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
                String current = h.createQuery("SELECT access_token FROM platform_tokens WHERE channel = :ch FOR UPDATE")
                        .bind("ch", CHANNEL).mapTo(String.class).one();
                if (!current.equals(stale)) {
                    return current;
                }
                return refreshLocked(h);
            });
        } catch (RefreshFailed e) {
            throw recorded(e);
        }
    }

    /** Refreshes ahead of expiry; called on a schedule by every instance, done by one. */
    public void refreshIfDue() {
        try {
            jdbi.useTransaction(h -> {
                if (!h.createQuery("SELECT pg_try_advisory_xact_lock(:k)").bind("k", LOCK_KEY).mapTo(Boolean.class).one()) {
                    return;
                }
                Instant expires = h.createQuery("SELECT expires_at FROM platform_tokens WHERE channel = :ch FOR UPDATE")
                        .bind("ch", CHANNEL).mapTo(Instant.class).one();
                if (Duration.between(clock.instant(), expires).compareTo(REFRESH_AHEAD) < 0) {
                    refreshLocked(h);
                }
            });
        } catch (RefreshFailed e) {
            throw recorded(e);
        }
    }

    /** A refresh Zalo did not grant; recorded once its transaction has rolled back. */
    private static final class RefreshFailed extends RuntimeException {
        RefreshFailed(String reason) {
            super(reason);
        }
    }

    private String refreshLocked(Handle h) {
        return refreshLocked(h, h.createQuery("SELECT refresh_token FROM platform_tokens WHERE channel = :ch")
                .bind("ch", CHANNEL).mapTo(String.class).one());
    }

    /** Trades {@code refreshToken} for a new pair and stores it (the caller holds the lock, in its transaction). */
    private String refreshLocked(Handle h, String refreshToken) {
        Request request = new Request.Builder().url(config.oauthUrl() + "/v4/oa/access_token")
                .header("secret_key", config.appSecret())
                .post(new FormBody.Builder().add("refresh_token", refreshToken).add("app_id", config.appId())
                        .add("grant_type", "refresh_token").build())
                .build();
        JsonNode body;
        try (Response response = http.newCall(request).execute()) {
            body = JSON.readTree(response.body().bytes());
        } catch (IOException e) {
            throw failed(NO_ANSWER + ": " + e.getMessage());
        }
        String access = body.path("access_token").asText("");
        String refresh = body.path("refresh_token").asText("");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw failed("Zalo OAuth refused the refresh: " + refusal(body));
        }
        long expiresIn = Long.parseLong(body.path("expires_in").asText("90000")); // a string of seconds in Zalo's answer
        h.createUpdate("""
                INSERT INTO platform_tokens (channel, access_token, refresh_token, expires_at, refreshed_at)
                VALUES (:ch, :a, :r, :e, now())
                ON CONFLICT (channel) DO UPDATE SET access_token = :a, refresh_token = :r, expires_at = :e, refreshed_at = now(),
                    last_error = NULL, last_error_at = NULL, updated_at = now()""")
                .bind("a", access).bind("r", refresh).bind("e", clock.instant().plusSeconds(expiresIn).atOffset(ZoneOffset.UTC))
                .bind("ch", CHANNEL).execute();
        log.info("Zalo access token refreshed; valid for {} h", expiresIn / 3600);
        return access;
    }

    /**
     * Why OAuth v4 refused, by name: its errors carry error, error_name, error_reason and error_description (older
     * answers a message). Only these fields: the body of an odd answer could carry a token.
     */
    static String refusal(JsonNode body) {
        StringBuilder why = new StringBuilder(body.path("error").asText("?"));
        for (String field : new String[] {"error_name", "error_reason", "error_description", "message"}) {
            String value = body.path(field).asText("");
            if (!value.isBlank() && why.indexOf(value) < 0) {
                why.append(' ').append(value);
            }
        }
        return why.toString();
    }

    private static RefreshFailed failed(String reason) {
        return new RefreshFailed(reason);
    }

    private IllegalStateException recorded(RefreshFailed e) {
        log.error("ZALO TOKEN REFRESH FAILED: {}. Zalo messages cannot be sent until it succeeds; if the refresh token"
                + " is spent, an OA admin must grant a new pair in the Zalo developer console.", e.getMessage());
        jdbi.useHandle(h -> h.createUpdate("UPDATE platform_tokens SET last_error = :e, last_error_at = now() WHERE channel = :ch")
                .bind("e", e.getMessage()).bind("ch", CHANNEL).execute());
        return new IllegalStateException(e.getMessage());
    }

    /** The stored pair's state: when the access token expires, when it was last refreshed, the last failure. */
    public record State(Instant expiresAt, Instant refreshedAt, String lastError) {}

    public Optional<State> state() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT expires_at, refreshed_at, last_error FROM platform_tokens WHERE channel = :ch")
                .bind("ch", CHANNEL)
                .map((rs, ctx) -> new State(rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("refreshed_at") == null ? null : rs.getTimestamp("refreshed_at").toInstant(), rs.getString("last_error")))
                .findOne());
    }

    /**
     * Proves the pair can be refreshed by refreshing it (under the lock, committed before use, as the schedule
     * does), unless it was refreshed within {@code recent}: a check run twice does not spend two refresh tokens.
     * Returns the state after; throws with Zalo's reason when the refresh is refused.
     */
    public State refreshUnlessRecent(Duration recent) {
        try {
            jdbi.useTransaction(h -> {
                h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
                Instant refreshed = h.createQuery("SELECT refreshed_at FROM platform_tokens WHERE channel = :ch FOR UPDATE")
                        .bind("ch", CHANNEL).mapTo(Instant.class).findOne().orElse(null);
                if (refreshed == null || refreshed.isBefore(clock.instant().minus(recent))) {
                    refreshLocked(h);
                }
            });
        } catch (RefreshFailed e) {
            throw recorded(e);
        }
        return state().orElseThrow();
    }

    /**
     * Takes the pair an OA admin granted anew (ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN) after the stored refresh
     * token was spent or refused: the {@code zalo-tokens} command. The configured refresh token is traded at once
     * for a fresh pair, which replaces the stored one; a configured token Zalo refuses (an old one set again by
     * mistake) changes nothing, so a working stored pair is never overwritten by a spent one. Running instances
     * use the new pair at once. Throws with Zalo's reason when refused.
     */
    public State replaceWithConfigured() {
        try {
            jdbi.useTransaction(h -> {
                h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
                refreshLocked(h, config.refreshToken());
            });
        } catch (RefreshFailed e) {
            log.error("The configured Zalo refresh token was refused: {}. The stored pair is unchanged.", e.getMessage());
            throw new IllegalStateException(e.getMessage());
        }
        log.info("Zalo token pair replaced, from the configured refresh token");
        return state().orElseThrow();
    }

    /** The last refresh failure, for the health page and the admin web, or empty when the last refresh worked. */
    public Optional<String> alert() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT 'Zalo: làm mới access token thất bại lúc ' || to_char(last_error_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY')
                       || ': ' || last_error FROM platform_tokens WHERE channel = :ch AND last_error IS NOT NULL""")
                .bind("ch", CHANNEL).mapTo(String.class).findOne());
    }
}
