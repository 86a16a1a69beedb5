package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.Contest;
import vn.contest.core.outbox.BroadcastStore;

/**
 * An announcement to every registered participant of one channel, queued in the outbox in one transaction
 * and delivered at the platform's pace behind any conversation reply; its progress is counted from the outbox.
 * A channel with a reply window ({@link Channel#replyWindow}) writes only to people who wrote within it: announcements
 * and reminders skip the others and count them. The page says so with each channel's own label and window.
 */
public final class BroadcastsPage {
    static final int MAX_TEXT = 2000;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final List<? extends Channel<?>> channels;
    private final java.time.Clock clock;
    private final Supplier<List<Contest>> all;

    public BroadcastsPage(Jdbi jdbi, Supplier<Contest> live, List<? extends Channel<?>> channels) {
        this(jdbi, live, channels, java.time.Clock.systemUTC());
    }

    /** {@code clock}: the engine's, which says from when a channel's reply window is counted. */
    public BroadcastsPage(Jdbi jdbi, Supplier<Contest> live, List<? extends Channel<?>> channels, java.time.Clock clock) {
        this(jdbi, live, channels, clock, () -> List.of(live.get()));
    }

    /** {@code all}: every contest, so that an announcement says which contest it is about while several run at once. */
    public BroadcastsPage(Jdbi jdbi, Supplier<Contest> live, List<? extends Channel<?>> channels, java.time.Clock clock,
                          Supplier<List<Contest>> all) {
        this.all = all;
        this.clock = clock;
        this.jdbi = jdbi;
        this.live = live;
        this.channels = channels;
    }

    public record Audience(String channel, String label, long chats) {}

    /** A channel that reaches only people who wrote to it within {@code span} ("2 ngày"). */
    public record ReplyWindow(String label, String span) {}

    /** {@code window}: the span of the channel's reply window, null when it has none. */
    public record Progress(long id, String channel, String text, String createdAt, String createdBy, int recipients,
                           long sent, long failed, long waiting, int skipped, boolean reminder, String window) {
        public int percent() {
            return recipients == 0 ? 100 : (int) ((sent + failed) * 100 / recipients);
        }
    }

    public record View(Page page, List<Audience> audiences, List<ReplyWindow> windows, List<Progress> broadcasts, String error,
                       boolean refresh) {}

    public void show(Context ctx) {
        ctx.html(render(ctx, null));
    }

    private String render(Context ctx, String error) {
        Contest contest = live.get();
        List<Audience> audiences = jdbi.withHandle(h -> BroadcastStore.audiences(h, contest.id())).stream()
                .map(a -> new Audience(a.channel(), label(a.channel()), a.chats())).toList();
        List<Progress> broadcasts = jdbi.withHandle(h -> BroadcastStore.recent(h, contest.id(), 50)).stream()
                .map(b -> new Progress(b.id(), label(b.channel()), b.text(), AT.format(b.createdAt().atZone(contest.config().zone())),
                        b.createdBy(), b.recipients(), b.sent(), b.failed(), b.waiting(), b.skipped(), b.reminder(),
                        window(b.channel()).orElse(null)))
                .toList();
        List<ReplyWindow> windows = channels.stream()
                .flatMap(c -> c.replyWindow().map(w -> new ReplyWindow(c.label(), span(w))).stream()).toList();
        boolean refresh = broadcasts.stream().anyMatch(b -> b.waiting() > 0);
        return Templates.render("broadcasts.jte", new View(AdminContext.page(ctx, contest, "Gửi thông báo", "broadcasts"),
                audiences, windows, broadcasts, error, refresh));
    }

    public void send(Context ctx) {
        String channel = String.valueOf(ctx.formParam("channel"));
        String text = ctx.formParam("text") == null ? "" : ctx.formParam("text").strip();
        if (channels.stream().noneMatch(c -> c.id().equals(channel))) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, "Vui lòng chọn kênh gửi."));
            return;
        }
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, "Nội dung thông báo cần từ 1 đến " + MAX_TEXT + " ký tự."));
            return;
        }
        Contest contest = live.get();
        jdbi.useTransaction(h -> {
            // Only to people the channel still writes to unprompted (its reply window); the others are counted as skipped.
            String said = vn.contest.core.rules.ContestOffer.severalOffered(all.get(), clock.instant())
                    ? vn.contest.core.dialogue.Texts.contestTag(contest.config().title()) + text : text;
            int recipients = BroadcastStore.send(h, contest.id(), channel, said, AdminContext.user(ctx).username(),
                    channels.stream().filter(c -> c.id().equals(channel)).findFirst().flatMap(Channel::replyWindow), clock.instant());
            Audit.record(h, AdminContext.user(ctx), "Gửi thông báo", "kênh " + channel, null, Map.of("nội dung", text, "số người nhận", recipients));
        });
        ctx.redirect("/admin/broadcasts", HttpStatus.SEE_OTHER);
    }

    private String label(String channel) {
        return channels.stream().filter(c -> c.id().equals(channel)).map(Channel::label).findFirst().orElse(channel);
    }

    private Optional<String> window(String channel) {
        return channels.stream().filter(c -> c.id().equals(channel)).flatMap(c -> c.replyWindow().stream()).map(BroadcastsPage::span)
                .findFirst();
    }

    /** A reply window in the committee's words: "2 ngày", "24 giờ", "30 phút". */
    static String span(Duration window) {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() + " ngày";
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return window.toHours() + " giờ";
        }
        return Math.max(1, window.toMinutes()) + " phút";
    }
}
