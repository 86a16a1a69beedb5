package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.AdminRoute;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.admin.auth.Area;
import vn.contest.core.channel.Channel;
import vn.contest.core.contest.Contest;
import vn.contest.core.outbox.OutboxStore;

/**
 * An announcement to every registered participant of one channel, queued in the outbox in one transaction
 * and delivered at the platform's pace behind any conversation reply; its progress is counted from the outbox.
 * Zalo delivers only to people who wrote to the OA in the last 7 days: the others are counted as failed.
 */
public final class BroadcastsPage {
    static final int MAX_TEXT = 2000;
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final List<? extends Channel<?>> channels;

    public BroadcastsPage(Jdbi jdbi, Supplier<Contest> live, List<? extends Channel<?>> channels) {
        this.jdbi = jdbi;
        this.live = live;
        this.channels = channels;
    }

    public record Audience(String channel, String label, long chats) {}

    public record Progress(long id, String channel, String text, String createdAt, String createdBy, int recipients,
                           long sent, long failed, long waiting) {
        public int percent() {
            return recipients == 0 ? 100 : (int) ((sent + failed) * 100 / recipients);
        }
    }

    public record View(Page page, List<Audience> audiences, List<Progress> broadcasts, String error, boolean refresh) {}

    public void addTo(List<AdminRoute> routes) {
        routes.add(new AdminRoute(HandlerType.GET, "/admin/broadcasts", Area.BROADCAST, ctx -> ctx.html(render(ctx, null))));
        routes.add(new AdminRoute(HandlerType.POST, "/admin/broadcasts", Area.BROADCAST, this::send));
    }

    private String render(Context ctx, String error) {
        Contest contest = live.get();
        List<Audience> audiences = jdbi.withHandle(h -> h.createQuery("""
                SELECT channel, count(*) AS chats FROM chat_accounts WHERE contest_id = :c AND participant_id IS NOT NULL
                GROUP BY channel ORDER BY channel""").bind("c", contest.id())
                .map((rs, c) -> new Audience(rs.getString("channel"), label(rs.getString("channel")), rs.getLong("chats"))).list());
        List<Progress> broadcasts = jdbi.withHandle(h -> h.createQuery("""
                SELECT b.id, b.channel, b.text, to_char(b.created_at AT TIME ZONE :tz, 'HH24:MI DD/MM/YYYY') AS at, b.created_by, b.recipients,
                       count(o.id) FILTER (WHERE o.status = 'sent') AS sent,
                       count(o.id) FILTER (WHERE o.status = 'failed') AS failed,
                       count(o.id) FILTER (WHERE o.status IN ('pending', 'sending')) AS waiting
                FROM broadcasts b LEFT JOIN outbox o ON o.broadcast_id = b.id
                WHERE b.contest_id = :c GROUP BY b.id ORDER BY b.id DESC LIMIT 50""")
                .bind("c", contest.id()).bind("tz", contest.config().timezone())
                .map((rs, c) -> new Progress(rs.getLong("id"), label(rs.getString("channel")), rs.getString("text"), rs.getString("at"),
                        rs.getString("created_by"), rs.getInt("recipients"), rs.getLong("sent"), rs.getLong("failed"), rs.getLong("waiting")))
                .list());
        boolean refresh = broadcasts.stream().anyMatch(b -> b.waiting() > 0);
        return Templates.render("broadcasts.jte", new View(AdminContext.page(ctx, contest, "Gửi thông báo", "broadcasts"),
                audiences, broadcasts, error, refresh));
    }

    private void send(Context ctx) {
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
            long id = h.createQuery("""
                    INSERT INTO broadcasts (contest_id, channel, text, created_by, recipients) VALUES (:c, :ch, :t, :by, 0) RETURNING id""")
                    .bind("c", contest.id()).bind("ch", channel).bind("t", text).bind("by", AdminContext.user(ctx).username())
                    .mapTo(Long.class).one();
            int recipients = OutboxStore.enqueueBroadcast(h, id, contest.id(), channel, text);
            h.execute("UPDATE broadcasts SET recipients = ? WHERE id = ?", recipients, id);
            Audit.record(h, AdminContext.user(ctx), "Gửi thông báo", "kênh " + channel, null, Map.of("nội dung", text, "số người nhận", recipients));
        });
        ctx.redirect("/admin/broadcasts", HttpStatus.SEE_OTHER);
    }

    private String label(String channel) {
        return channels.stream().filter(c -> c.id().equals(channel)).map(Channel::label).findFirst().orElse(channel);
    }
}
