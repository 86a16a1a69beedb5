package vn.contest.app;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import vn.contest.core.store.Retention;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebConfig;
import vn.contest.zalo.ZaloConfig;

/**
 * Wiring from environment variables (the README's table). Without DATABASE_URL the app runs its own
 * embedded PostgreSQL under DATA_DIR; without CONTEST_FILE it loads the demo contest, open today.
 * {@code publicUrl} (PUBLIC_URL, the address people use) gives the web channel its unit links and turns on HSTS;
 * each platform's own settings, its unit links among them, are in its config.
 */
public record AppConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword, Path contestFile,
                        TelegramConfig telegram, ZaloConfig zalo, String adminPassword, String publicUrl, WebConfig web,
                        int maxUploadMb, int retentionDays, String metricsToken) {
    /** The largest upload (a question file) the admin web reads, refused while it arrives (MAX_UPLOAD_MB). */
    public static final int DEFAULT_MAX_UPLOAD_MB = 10;


    /** For tests and tools: the web channel only, without its flood limits. */
    public AppConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword, Path contestFile) {
        this(host, port, dataDir, jdbcUrl, dbUser, dbPassword, contestFile, null, null, null, null,
                WebConfig.UNLIMITED, DEFAULT_MAX_UPLOAD_MB, Retention.DEFAULT_DAYS, null);
    }

    public static AppConfig fromEnv(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("PORT", "7070"));
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "./data"));
        Path contestFile = blank(env.get("CONTEST_FILE")) ? null : Path.of(env.get("CONTEST_FILE"));
        String url = env.get("DATABASE_URL");
        String user = env.getOrDefault("DATABASE_USER", null);
        String password = env.getOrDefault("DATABASE_PASSWORD", null);
        String jdbc = null;
        if (!blank(url)) {
            if (url.startsWith("jdbc:postgresql:")) {
                jdbc = url;
            } else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
                URI uri = URI.create(url);
                jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                        + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
                if (uri.getRawUserInfo() != null) {
                    String[] parts = uri.getRawUserInfo().split(":", 2);
                    user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                    password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : password;
                }
            } else {
                throw new IllegalArgumentException("DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://");
            }
        }
        return new AppConfig(env.getOrDefault("HOST", "0.0.0.0"), port, dataDir, jdbc, user, password, contestFile,
                TelegramConfig.fromEnv(env).orElse(null), ZaloConfig.fromEnv(env).orElse(null), env.get("ADMIN_PASSWORD"),
                blank(env.get("PUBLIC_URL")) ? null : env.get("PUBLIC_URL").strip(), WebConfig.fromEnv(env),
                blank(env.get("MAX_UPLOAD_MB")) ? DEFAULT_MAX_UPLOAD_MB : Math.max(1, Integer.parseInt(env.get("MAX_UPLOAD_MB").strip())),
                blank(env.get("RETENTION_DAYS")) ? Retention.DEFAULT_DAYS : Math.max(1, Integer.parseInt(env.get("RETENTION_DAYS").strip())),
                env.get("METRICS_TOKEN"));
    }

    public boolean embeddedDatabase() {
        return jdbcUrl == null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
