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
    /**
     * A response as it is served: body, content type, its ETag (a hash of the body), and the body gzipped once
     * when that is smaller (a crowd's requests then cost no compression each), else null.
     */
    public record Rendered(byte[] body, String contentType, String etag, byte[] gzipped) {
        public static Rendered of(byte[] body, String contentType) {
            return new Rendered(body, contentType, etagOf(body), gzip(body));
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
        // Bounded by bytes, not entries: a share image weighs a hundred times a page.
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumWeight(MAX_BYTES)
                .weigher((String key, Rendered r) -> key.length() + r.body().length + (r.gzipped() == null ? 0 : r.gzipped().length))
                .build();
    }

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> generations =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The current generation of what {@code scope} names, to be part of the keys of its cached forms: a page being
     * built while the committee changes it is then stored under a generation nobody asks for again.
     */
    public long generation(String scope) {
        return generations.computeIfAbsent(scope, k -> new java.util.concurrent.atomic.AtomicLong()).get();
    }

    /** What {@code scope} names has changed (committed): every cached form of it is stale from now on. */
    public void renew(String scope) {
        generations.computeIfAbsent(scope, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    }

    /** Serves what {@code key} names, building it with {@code build} only when it is not in the cache. */
    public void serve(Context ctx, String key, Supplier<Rendered> build) {
        Rendered r = cache.get(key, k -> build.get());
        boolean gzip = r.gzipped() != null && acceptsGzip(ctx.header("Accept-Encoding"));
        // Each encoding is its own representation, so its own ETag (a strong one names exact bytes).
        String etag = gzip ? r.etag().substring(0, r.etag().length() - 1) + "-gz\"" : r.etag();
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept-Encoding");
        // Browsers and portals may keep it as long as the cache does; shared caches (a CDN) too.
        ctx.header("Cache-Control", "public, max-age=" + ttl.toSeconds());
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(r.contentType());
        if (gzip) {
            ctx.disableCompression();
            ctx.header("Content-Encoding", "gzip");
            ctx.result(r.gzipped());
        } else {
            ctx.result(r.body());
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].strip().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        if (body.length < 1024) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 3);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.size() < body.length ? out.toByteArray() : null;
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
