package vn.contest.app;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import vn.contest.core.config.BadSetting;
import vn.contest.core.store.Retention;
import vn.contest.messenger.MessengerConfig;
import vn.contest.telegram.TelegramConfig;
import vn.contest.web.WebConfig;
import vn.contest.zalo.ZaloConfig;

/**
 * Wiring from environment variables (the README's table). Without DATABASE_URL the app runs its own
 * embedded PostgreSQL under DATA_DIR. {@code contestSource} is CONTEST_DIR (a folder with one folder per contest) or
 * CONTEST_FILE (one contest); without either it loads the demo contest, open today.
 * {@code publicUrl} (PUBLIC_URL, the address people use) gives the web channel its unit links and turns on HSTS;
 * each platform's own settings, its unit links among them, are in its config.
 */
public record AppConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword, Path contestSource,
                        TelegramConfig telegram, ZaloConfig zalo, String adminPassword, String publicUrl, WebConfig web,
                        int maxUploadMb, int retentionDays, String metricsToken, MessengerConfig messenger) {
    /** The largest upload (a question file) the admin web reads, refused while it arrives (MAX_UPLOAD_MB). */
    public static final int DEFAULT_MAX_UPLOAD_MB = 10;


    /** Without Messenger (MESSENGER_*). */
    public AppConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword, Path contestSource,
                     TelegramConfig telegram, ZaloConfig zalo, String adminPassword, String publicUrl, WebConfig web,
                     int maxUploadMb, int retentionDays, String metricsToken) {
        this(host, port, dataDir, jdbcUrl, dbUser, dbPassword, contestSource, telegram, zalo, adminPassword, publicUrl, web,
                maxUploadMb, retentionDays, metricsToken, null);
    }

    /** For tests and tools: the web channel only, without its flood limits. */
    public AppConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword, Path contestFile) {
        this(host, port, dataDir, jdbcUrl, dbUser, dbPassword, contestFile, null, null, null, null,
                WebConfig.UNLIMITED, DEFAULT_MAX_UPLOAD_MB, Retention.DEFAULT_DAYS, null);
    }

    public static AppConfig fromEnv(Map<String, String> env) {
        int port = number(env, "PORT", 7070, 0, 65_535, "the HTTP port to listen on");
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "./data"));
        Path contestSource = !blank(env.get("CONTEST_DIR")) ? Path.of(env.get("CONTEST_DIR").strip())
                : blank(env.get("CONTEST_FILE")) ? null : Path.of(env.get("CONTEST_FILE").strip());
        if (contestSource != null && !java.nio.file.Files.exists(contestSource)) {
            throw new BadSetting(blank(env.get("CONTEST_DIR")) ? "CONTEST_FILE" : "CONTEST_DIR", "\"" + contestSource + "\" does not exist",
                    "Point it at the contest's file (CONTEST_FILE) or the folder of contests (CONTEST_DIR), or leave both unset for the demo");
        }
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
                throw new BadSetting("DATABASE_URL", "it must start with jdbc:postgresql:, postgres:// or postgresql://",
                        "Write it as postgres://user:password@host:5432/database, or leave it unset for the embedded database");
            }
        }
        return new AppConfig(env.getOrDefault("HOST", "0.0.0.0"), port, dataDir, jdbc, user, password, contestSource,
                TelegramConfig.fromEnv(env).orElse(null), ZaloConfig.fromEnv(env).orElse(null), env.get("ADMIN_PASSWORD"),
                blank(env.get("PUBLIC_URL")) ? null : env.get("PUBLIC_URL").strip(), WebConfig.fromEnv(env),
                number(env, "MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB, 1, 1024, "the size in MB of the largest question file the admin web takes"),
                number(env, "RETENTION_DAYS", Retention.DEFAULT_DAYS, 1, 36_500, "the number of days delivered replies and event ids are kept"),
                env.get("METRICS_TOKEN"), MessengerConfig.fromEnv(env).orElse(null));
    }

    public boolean embeddedDatabase() {
        return jdbcUrl == null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A whole number setting from {@code min} to {@code max}; unset: {@code fallback}. */
    private static int number(Map<String, String> env, String name, int fallback, int min, int max, String meaning) {
        String v = env.get(name);
        if (blank(v)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadSetting(name, "\"" + v.strip() + "\" is not a whole number from " + min + " to " + max,
                "Set it to " + meaning + " (default " + fallback + "), or leave it unset");
    }
}
