package vn.contest.app;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.channel.Alert;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.dialogue.ExpiredAttemptSweeper;
import vn.contest.core.contest.ShareLinks;
import vn.contest.core.outbox.OutboxDispatcher;
import vn.contest.core.outbox.SharedPace;
import vn.contest.site.PublicSite;
import vn.contest.site.WinnersPage;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.remind.ReminderJob;
import vn.contest.core.remind.Reminders;
import vn.contest.core.store.AppKeys;
import vn.contest.core.store.Database;
import vn.contest.core.store.EmbeddedPostgresServer;
import vn.contest.core.store.Retention;
import vn.contest.core.text.Redaction;
import vn.contest.telegram.TelegramChannel;
import vn.contest.admin.AdminWeb;
import vn.contest.web.WebChannel;
import vn.contest.zalo.ZaloChannel;

/** One running instance: database, contest, dialogue, background jobs and the HTTP server. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final EmbeddedPostgresServer embedded;
    private final Database database;
    private final Contests contests;
    private final Dialogue dialogue;
    private final ExpiredAttemptSweeper sweeper;
    private final OutboxDispatcher dispatcher;
    private final Javalin server;
    private final List<Channel<JavalinConfig>> channels;
    private final AdminWeb admin;
    private final Retention retention;
    private final ReminderJob reminders;

    private App(EmbeddedPostgresServer embedded, Database database, Contests contests, Dialogue dialogue,
                ExpiredAttemptSweeper sweeper, OutboxDispatcher dispatcher, Javalin server, List<Channel<JavalinConfig>> channels,
                AdminWeb admin, Retention retention, ReminderJob reminders) {
        this.retention = retention;
        this.reminders = reminders;
        this.embedded = embedded;
        this.database = database;
        this.contests = contests;
        this.dialogue = dialogue;
        this.sweeper = sweeper;
        this.dispatcher = dispatcher;
        this.server = server;
        this.channels = channels;
        this.admin = admin;
    }

    /**
     * The generated first password goes to the console once, not to the log: whoever started the app reads
     * it there, logs in, and creates the committee's own accounts.
     */
    private static void announceFirstPassword(String password) {
        System.out.println("================================================================");
        System.out.println("Admin web: /admin/login   first administrator: admin / " + password);
        System.out.println("(shown once; set ADMIN_PASSWORD to choose it yourself)");
        System.out.println("================================================================");
    }

    public AdminWeb admin() {
        return admin;
    }

    /** How often the dispatcher looks at the outbox unasked (a lost NOTIFY, a broadcast's rows). */
    static final Duration DISPATCH_SAFETY_NET = Duration.ofSeconds(5);

    public static App start(AppConfig config, Clock clock) {
        EmbeddedPostgresServer embedded = null;
        Database database = null;
        try {
            if (config.embeddedDatabase()) {
                embedded = embedded(config);
                database = Database.connect(embedded.appJdbcUrl(), embedded.secrets().appUser(), embedded.secrets().appPassword(), 10);
            } else {
                database = Database.connect(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 10);
            }
            Contests contests = new Contests(database.jdbi(), ContestLoader.loadAll(database.jdbi(), config.contestSource(), clock), clock);
            Dialogue dialogue = new Dialogue(database.jdbi(), contests::all, clock, new PaperDrawer());
            OutboxStore outbox = new OutboxStore(database.jdbi());
            ExpiredAttemptSweeper sweeper = new ExpiredAttemptSweeper(database.jdbi(), dialogue, clock);
            Metrics metrics = new Metrics(database.jdbi(), config.metricsToken(), config.web().proxies());
            dialogue.observeWith(metrics);
            database.poolMetricsTo(metrics.registry());
            List<Channel<JavalinConfig>> channels = channels(config, dialogue, outbox, database.jdbi(), clock);
            metrics.reportOutboxOf(channels.stream().map(Channel::id).toList());
            channels.stream().flatMap(c -> c.codeSender().stream()).findFirst().ifPresent(dialogue::verifyWebPhonesWith);
            if (config.publicUrl() != null && !config.publicUrl().isBlank()) {
                // A link in a chat must be whole, so the share cards are offered only with PUBLIC_URL.
                dialogue.offerShareCards(new ShareLinks(config.publicUrl(), AppKeys.get(database.jdbi(), ShareLinks.KEY_NAME)));
            }
            // "Kiểm tra kết nối" runs the doctor's checks, in this instance.
            Checkup checkup = new Checkup(channels, database.jdbi(), contests::all,
                    config.embeddedDatabase() ? Optional.of(config.dataDir().resolve("postgres")) : Optional.empty(),
                    BackupDir.of(System.getenv()), config.publicUrl(), clock);
            PublicSite site = new PublicSite(database.jdbi(), contests, channels, config.publicUrl(), clock);
            // Publishing or withdrawing a contest's winners drops its public page from the site's cache at once.
            AdminWeb admin = new AdminWeb(database.jdbi(), contests, channels, config.web().proxies(), clock,
                    checkup::run, code -> WinnersPage.changed(site.cache(), code), config.publicUrl());
            admin.users().ensureFirstAdmin(config.adminPassword()).ifPresent(App::announceFirstPassword);
            OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, channels.stream().map(Channel::sender).toList(),
                    new SharedPace(database.jdbi()));
            dispatcher.observeWith(metrics);
            Javalin server = server(database, channels, site, admin, metrics, SecurityHeaders.hsts(config.publicUrl()), config.maxUploadMb())
                    .start(config.host(), config.port());
            channels.forEach(Channel::start);
            sweeper.start(Duration.ofSeconds(5));
            // Replies go out as their turn commits, rows queued elsewhere on NOTIFY; the timer is only the safety net.
            dialogue.afterCommit(dispatcher::handOff);
            dispatcher.listenWith(database::openDedicated);
            dispatcher.start(DISPATCH_SAFETY_NET);
            Retention retention = new Retention(database.jdbi(), config.retentionDays());
            retention.start(Duration.ofHours(1));
            ReminderJob reminders = new ReminderJob(database.jdbi(), contests::all, clock,
                    channels.stream().map(c -> new Reminders.Route(c.id(), c.replyWindow())).toList());
            reminders.start(Duration.ofMinutes(1));
            return new App(embedded, database, contests, dialogue, sweeper, dispatcher, server, channels, admin, retention, reminders);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** The embedded server under DATA_DIR, its passwords beside it in a file only this user can read. */
    static EmbeddedPostgresServer embedded(AppConfig config) {
        return EmbeddedPostgresServer.durable(config.dataDir().resolve("postgres"), config.dataDir().resolve("database-secrets.properties"));
    }

    /**
     * The channels this instance serves: the web page always, each platform when it is configured. A new
     * channel is one more line here.
     */
    private static List<Channel<JavalinConfig>> channels(AppConfig config, Dialogue dialogue, OutboxStore outbox, Jdbi jdbi,
                                                         Clock clock) {
        List<Channel<JavalinConfig>> platforms = platforms(config, dialogue, jdbi, clock);
        // The web channel serves the home page, with the meta tags the platforms' consoles ask for (domain verification).
        Map<String, String> homePageMeta = new java.util.TreeMap<>();
        platforms.forEach(c -> homePageMeta.putAll(c.homePageMeta()));
        // It also serves the pages the platforms open in their own apps (Telegram's Mini App) as their chats.
        return Stream.<Channel<JavalinConfig>>concat(Stream.of(new WebChannel(dialogue, outbox, config.web(), config.publicUrl(),
                AppKeys.get(jdbi, "web_session"), homePageMeta, platforms.stream().flatMap(c -> c.pageIdentity().stream()).toList())),
                platforms.stream()).toList();
    }

    /** The platforms configured (the web page aside); the doctor builds them without a dialogue, for their checks. */
    static List<Channel<JavalinConfig>> platforms(AppConfig config, Dialogue dialogue, Jdbi jdbi, Clock clock) {
        return Stream.<Optional<Channel<JavalinConfig>>>of(
                        Optional.ofNullable(config.telegram()).map(c -> new TelegramChannel(c, dialogue, jdbi)),
                        Optional.ofNullable(config.zalo()).map(c -> new ZaloChannel(c, dialogue, jdbi, clock)),
                        Optional.ofNullable(config.messenger()).map(c -> new vn.contest.messenger.MessengerChannel(c, dialogue, jdbi)))
                .flatMap(Optional::stream).toList();
    }

    private static Javalin server(Database database, List<Channel<JavalinConfig>> channels, PublicSite site, AdminWeb admin, Metrics metrics,
                                  boolean hsts, int maxUploadMb) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Uploads are counted as they arrive and go to disk past 1 MB; a bigger file is refused midway.
            config.jetty.multipartConfig.maxFileSize(maxUploadMb, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUploadMb + 1L, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.routes.before(ctx -> SecurityHeaders.apply(ctx, hsts));
            config.http.maxRequestSize = 256 * 1024;
            config.jetty.modifyServer(s -> s.setStopTimeout(5_000));
            channels.forEach(c -> c.install(config));
            site.install(config);
            admin.install(config);
            config.routes.get("/metrics", metrics::serve);
            // Public, so it says only ok or degraded, with alert codes; the texts are on the admin dashboard.
            config.routes.get("/health", ctx -> {
                boolean up = database.isUp();
                List<String> codes = up ? channels.stream().flatMap(c -> c.alerts().stream()).map(Alert::code).toList()
                        : List.of("DATABASE_UNAVAILABLE");
                ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                        .json(Map.of("status", codes.isEmpty() ? "ok" : "degraded", "alerts", codes));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (UploadLimit.exceeded(e)) {
                    ctx.status(HttpStatus.CONTENT_TOO_LARGE).html(UploadLimit.page(maxUploadMb));
                    return;
                }
                // Database errors quote the values they failed on: no personal data into the log.
                log.error("Unhandled {} on {} {}: {}", e.getClass().getSimpleName(), ctx.method(), ctx.path(),
                        Redaction.redact(e.getMessage()));
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "Máy chủ đang gặp sự cố, vui lòng thử lại sau ít phút."));
            });
        });
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    /** The contest the single-contest pages and tools mean (the first on offer). */
    public Contest contest() {
        return dialogue.contest();
    }

    public Contests contests() {
        return contests;
    }

    public Dialogue dialogue() {
        return dialogue;
    }

    public ExpiredAttemptSweeper sweeper() {
        return sweeper;
    }

    public ReminderJob reminders() {
        return reminders;
    }

    /** Stops taking requests, lets the jobs finish their step, then closes the database. */
    @Override
    public void close() {
        server.stop();
        channels.forEach(Channel::close);
        sweeper.close();
        retention.close();
        reminders.close();
        dispatcher.close();
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
