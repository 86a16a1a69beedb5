package vn.contest.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.bank.ImportReport;
import vn.contest.core.bank.QuestionImporter;
import vn.contest.core.contest.Contest;
import vn.contest.core.store.Backup;
import vn.contest.core.store.Database;
import vn.contest.core.store.EmbeddedPostgresServer;
import vn.contest.telegram.TelegramChannel;
import vn.contest.telegram.TelegramWebhook;
import vn.contest.zalo.ZaloChannel;

/** Commands: serve (the default) and import-questions FILE. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws IOException {
        String command = args.length == 0 ? "serve" : args[0];
        AppConfig config;
        try {
            config = AppConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            refuse(StartRefusal.setting(e));
            return;
        }
        try {
            run(command, args, config);
        } catch (RuntimeException e) {
            // A setting or the contest file refused: one line and EX_CONFIG. Anything else is a fault, with its trace.
            refuse(StartRefusal.line(e).orElseThrow(() -> e));
        }
    }

    private static void refuse(String line) {
        System.err.println(line);
        System.exit(StartRefusal.EXIT_CODE);
    }

    private static void run(String command, String[] args, AppConfig config) throws IOException {
        switch (command) {
            case "serve" -> serve(config);
            case "import-questions" -> {
                // FILE, then optionally --topic CODE for files that name none (Aiken never does; GIFT without $CATEGORY)
                // and --contest CODE when CONTEST_DIR holds several contests.
                java.util.Map<String, String> options = new java.util.HashMap<>();
                for (int i = 2; i + 1 < args.length && (args[i].equals("--topic") || args[i].equals("--contest")); i += 2) {
                    options.put(args[i], args[i + 1]);
                }
                if (args.length < 2 || args.length != 2 + 2 * options.size()) {
                    usage();
                    System.exit(2);
                }
                System.exit(importQuestions(config, Path.of(args[1]), options.get("--topic"), options.get("--contest")));
            }
            case "telegram-webhook" -> {
                if (args.length != 2 || config.telegram() == null) {
                    System.err.println("Usage: telegram-webhook https://your.domain/webhooks/telegram (with TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET set)");
                    System.exit(2);
                }
                System.exit(registerTelegramWebhook(config, args[1]));
            }
            case "backup" -> System.exit(backup(config, args.length > 1 ? Path.of(args[1]) : BackupDir.of(System.getenv())
                    .resolve("backup-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".zip")));
            case "doctor" -> System.exit(Doctor.run(config, System.getenv(), java.util.Arrays.asList(args).subList(1, args.length), System.out,
                    Clock.systemUTC()));
            case "zalo-tokens" -> System.exit(takeZaloTokens(config));
            case "restore" -> {
                if (args.length != 2) {
                    usage();
                    System.exit(2);
                }
                System.exit(restore(config, Path.of(args[1])));
            }
            case "help", "--help", "-h" -> usage();
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void serve(AppConfig config) {
        long started = System.nanoTime();
        App app = App.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            app.close();
        }, "shutdown"));
        log.info("Ready in {} ms: http://localhost:{}/ ({})", (System.nanoTime() - started) / 1_000_000, app.port(),
                app.contest().config().title());
    }

    /** The app's database, embedded or external, migrated: for the commands that work on data. */
    private static <T> T withDatabase(AppConfig config, java.util.function.Function<Database, T> work) {
        EmbeddedPostgresServer embedded = config.embeddedDatabase() ? App.embedded(config) : null;
        try (Database db = embedded != null
                ? Database.connect(embedded.appJdbcUrl(), embedded.secrets().appUser(), embedded.secrets().appPassword(), 2)
                : Database.connect(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2)) {
            return work.apply(db);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Writes a backup of every table, as one snapshot, to a new {@code file} (the embedded DATA_DIR needs the app stopped). */
    static int backup(AppConfig config, Path file) {
        if (Files.exists(file)) {
            System.err.println("Tệp " + file + " đã có: chọn tên khác, bản sao lưu cũ không bị ghi đè.");
            return 1;
        }
        return withDatabase(config, db -> {
            // The backup holds everyone's personal data and the app's keys: readable by this user only.
            try (var out = Files.newOutputStream(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))))) {
                int tables = Backup.write(db.jdbi(), out);
                System.out.println("Đã sao lưu " + tables + " bảng vào " + file.toAbsolutePath());
                return 0;
            } catch (IOException | RuntimeException e) {
                System.err.println("Không ghi được tệp sao lưu " + file + ": " + e.getMessage());
                try {
                    Files.deleteIfExists(file); // a half-written backup must not pass for a good one
                } catch (IOException ignored) {
                    System.err.println("Hãy xoá tệp dở dang " + file);
                }
                return 1;
            }
        });
    }

    /** Loads a backup into an empty database (a new DATA_DIR, or an empty DATABASE_URL). */
    static int restore(AppConfig config, Path file) {
        if (!Files.isRegularFile(file)) {
            System.err.println("Không tìm thấy tệp " + file);
            return 1;
        }
        return withDatabase(config, db -> {
            try {
                long rows = Backup.restore(db.jdbi(), file);
                System.out.println("Đã khôi phục " + rows + " dòng từ " + file);
                return 0;
            } catch (IOException | RuntimeException e) {
                System.err.println("Không khôi phục được: " + e.getMessage());
                return 1;
            }
        });
    }

    /**
     * Imports a question file into the configured contest; prints every problem (exit code 1 if any) and every warning of
     * the item checks (which never stop the import).
     */
    static int importQuestions(AppConfig config, Path file) throws IOException {
        return importQuestions(config, file, null, null);
    }

    static int importQuestions(AppConfig config, Path file, String topic) throws IOException {
        return importQuestions(config, file, topic, null);
    }

    /**
     * As above; {@code topic} (a topic's code) is given to every question of a file that names none;
     * {@code contestCode} names the contest when several are configured (CONTEST_DIR).
     */
    static int importQuestions(AppConfig config, Path file, String topic, String contestCode) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("Không tìm thấy tệp " + file);
            return 1;
        }
        if (Files.size(file) > config.maxUploadMb() * 1024L * 1024L) {
            // The same bound as the admin web's upload: the file is read whole.
            System.err.println("Tệp " + file + " lớn hơn " + config.maxUploadMb() + " MB (MAX_UPLOAD_MB): hãy chia thành nhiều tệp.");
            return 1;
        }
        byte[] content = Files.readAllBytes(file);
        return withDatabase(config, db -> {
            Contest contest;
            try {
                contest = ContestLoader.pick(ContestLoader.loadAll(db.jdbi(), config.contestSource(), Clock.systemUTC()), contestCode);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            ImportReport report = new QuestionImporter(db.jdbi()).importFile(contest, content, file.getFileName().toString(), topic);
            if (report.ok()) {
                System.out.println("Đã nhập " + report.imported() + " câu hỏi vào cuộc thi " + contest.config().code() + ".");
            } else {
                System.out.println("Không nhập câu hỏi nào vì tệp có " + report.problems().size() + " lỗi:");
                report.problems().forEach(p -> System.out.println("  " + p));
            }
            if (!report.warnings().isEmpty()) {
                System.out.println("Kiểm tra câu hỏi có " + report.warnings().size() + " cảnh báo cho tổ soạn thảo (không chặn việc nhập; "
                        + "giữ nguyên có chủ ý thì ghi tên kiểm tra vào cột \"Ghi chú kiểm tra\" của dòng):");
                report.warnings().forEach(w -> System.out.println("  " + w));
            }
            return report.ok() ? 0 : 1;
        });
    }

    /** Points the bot at our webhook (setWebhook with the secret and the update types we use) and sets its menu. */
    static int registerTelegramWebhook(AppConfig config, String url) {
        if (!url.startsWith("https://") || !url.endsWith(TelegramWebhook.PATH)) {
            System.err.println("The webhook URL must be https://… ending in " + TelegramWebhook.PATH);
            return 2;
        }
        try {
            new TelegramChannel(config.telegram(), null, null).registerWebhook(url);
            System.out.println("Telegram webhook set to " + url);
            return 0;
        } catch (Exception e) {
            System.err.println("Telegram refused: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Takes the token pair an OA admin granted anew (ZALO_ACCESS_TOKEN, ZALO_REFRESH_TOKEN) in place of the stored
     * one, after a refresh failed for good; the configured refresh token is traded at once, so a spent one changes nothing.
     */
    static int takeZaloTokens(AppConfig config) {
        if (config.zalo() == null) {
            System.err.println("Chưa cấu hình kênh Zalo: đặt đủ ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_ACCESS_TOKEN, ZALO_REFRESH_TOKEN.");
            return 2;
        }
        return withDatabase(config, db -> {
            try (ZaloChannel zalo = new ZaloChannel(config.zalo(), null, db.jdbi(), Clock.systemUTC())) {
                System.out.println("Đã nhận cặp token mới; access token còn hạn đến " + zalo.takeConfiguredTokens() + " (giờ Việt Nam).");
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("Zalo không nhận refresh token đã cấu hình (" + e.getMessage() + "); cặp token đang lưu không đổi."
                        + " Hãy lấy cặp mới trong API Explorer của developers.zalo.me rồi chạy lại.");
                return 1;
            }
        });
    }

    private static void usage() {
        System.out.println("""
                Usage: java -jar contest-app.jar [command]
                  serve                    run the contest (default)
                  import-questions FILE [--topic CODE] [--contest CODE]
                                           import an .xlsx, .csv, .gift or Aiken .txt question file into the contest's bank;
                                           --topic gives a topic to a file that names none (Aiken, GIFT without $CATEGORY);
                                           --contest names the contest when CONTEST_DIR holds several
                  telegram-webhook URL     register https://…/webhooks/telegram as the bot's webhook
                  backup [FILE]            write every table to a zip (default BACKUP_DIR/backup-YYYYMMDD-HHMM.zip)
                  restore FILE             load a backup into an empty database (a new DATA_DIR)
                  doctor [--test-code PHONE]
                                           check tokens, webhooks, templates, the public address, the database, backups and
                                           the contests: one line each, exit code 1 if any failed; --test-code sends one real
                                           one-time code to PHONE
                  zalo-tokens              take a new Zalo token pair (ZALO_ACCESS_TOKEN, ZALO_REFRESH_TOKEN) in place of the stored one
                Configuration comes from environment variables; see the README.""");
    }
}
