package vn.contest.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * What the public reads, rendered at most once per {@code ttl} whatever the crowd: a page, a JSON feed or an image
 * is built on the first request after it expires and served from memory until then, with an ETag so a browser or a
 * portal that already has it gets a bare 304. Nothing personal is ever cached here: these pages carry none.
 */
public final class PublicCache {
    /** A response as it is served: body, content type, and its ETag (a hash of the body). */
    public record Rendered(byte[] body, String contentType, String etag) {
        public static Rendered of(byte[] body, String contentType) {
            return new Rendered(body, contentType, etagOf(body));
        }

        public static Rendered html(String page) {
            return of(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        }

        public static Rendered json(String json) {
            return of(json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8");
        }
    }

    private final Cache<String, Rendered> cache;
    private final Duration ttl;

    public PublicCache(Duration ttl) {
        this.ttl = ttl;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /** Serves what {@code key} names, building it with {@code build} only when it is not in the cache. */
    public void serve(Context ctx, String key, Supplier<Rendered> build) {
        Rendered r = cache.get(key, k -> build.get());
        ctx.header("ETag", r.etag());
        // Browsers and portals may keep it as long as the cache does; shared caches (a CDN) too.
        ctx.header("Cache-Control", "public, max-age=" + ttl.toSeconds());
        if (r.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(r.contentType()).result(r.body());
    }

    /** Drops what {@code key} names (the committee published or withdrew something): the next request rebuilds it. */
    public void forget(String key) {
        cache.invalidate(key);
    }

    /** Drops every entry whose key starts with {@code prefix} (all the pages of one contest). */
    public void forgetStartingWith(String prefix) {
        cache.asMap().keySet().removeIf(k -> k.startsWith(prefix));
    }

    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
