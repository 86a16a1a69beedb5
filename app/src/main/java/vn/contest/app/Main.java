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

/** Commands: serve (the default) and import-questions FILE. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws IOException {
        String command = args.length == 0 ? "serve" : args[0];
        AppConfig config = AppConfig.fromEnv(System.getenv());
        switch (command) {
            case "serve" -> serve(config);
            case "import-questions" -> {
                // FILE, then optionally --topic CODE for files that name none (Aiken never does; GIFT without $CATEGORY)
                boolean withTopic = args.length == 4 && args[2].equals("--topic");
                if (args.length != 2 && !withTopic) {
                    usage();
                    System.exit(2);
                }
                System.exit(importQuestions(config, Path.of(args[1]), withTopic ? args[3] : null));
            }
            case "telegram-webhook" -> {
                if (args.length != 2 || config.telegram() == null) {
                    System.err.println("Usage: telegram-webhook https://your.domain/webhooks/telegram (with TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET set)");
                    System.exit(2);
                }
                System.exit(registerTelegramWebhook(config, args[1]));
            }
            case "backup" -> System.exit(backup(config, args.length > 1 ? Path.of(args[1])
                    : Path.of("backup-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".zip")));
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
            try (var in = Files.newInputStream(file)) {
                long rows = Backup.restore(db.jdbi(), in);
                System.out.println("Đã khôi phục " + rows + " dòng từ " + file);
                return 0;
            } catch (IOException | RuntimeException e) {
                System.err.println("Không khôi phục được: " + e.getMessage());
                return 1;
            }
        });
    }

    /** Imports a question file into the configured contest; prints every problem; exit code 1 if any. */
    static int importQuestions(AppConfig config, Path file) throws IOException {
        return importQuestions(config, file, null);
    }

    /** As above; {@code topic} (a topic's code) is given to every question of a file that names none. */
    static int importQuestions(AppConfig config, Path file, String topic) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("Không tìm thấy tệp " + file);
            return 1;
        }
        byte[] content = Files.readAllBytes(file);
        return withDatabase(config, db -> {
            Contest contest = ContestLoader.load(db.jdbi(), config.contestFile(), Clock.systemUTC());
            ImportReport report = new QuestionImporter(db.jdbi()).importFile(contest, content, file.getFileName().toString(), topic);
            if (report.ok()) {
                System.out.println("Đã nhập " + report.imported() + " câu hỏi vào cuộc thi " + contest.config().code() + ".");
                return 0;
            }
            System.out.println("Không nhập câu hỏi nào vì tệp có " + report.problems().size() + " lỗi:");
            report.problems().forEach(p -> System.out.println("  " + p));
            return 1;
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

    private static void usage() {
        System.out.println("""
                Usage: java -jar contest-app.jar [command]
                  serve                    run the contest (default)
                  import-questions FILE [--topic CODE]
                                           import an .xlsx, .csv, .gift or Aiken .txt question file into the contest's bank;
                                           --topic gives a topic to a file that names none (Aiken, GIFT without $CATEGORY)
                  telegram-webhook URL     register https://…/webhooks/telegram as the bot's webhook
                  backup [FILE]            write every table to a zip (default backup-YYYYMMDD-HHMM.zip)
                  restore FILE             load a backup into an empty database (a new DATA_DIR)
                Configuration comes from environment variables; see the README.""");
    }
}
