package vn.contest.core.outbox;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Announcements from the committee to every registered chat of one channel, and the app's own reminders
 * ({@link vn.contest.core.remind.Reminders}), which are counted the same way plus those they skipped. The rows go through the outbox,
 * behind any conversation reply; a broadcast's progress is counted from its outbox rows.
 */
public final class BroadcastStore {
    /** Registered chats on one channel: who an announcement there reaches. */
    public record Audience(String channel, long chats) {}

    public record Progress(long id, String channel, String text, Instant createdAt, String createdBy, int recipients,
                           long sent, long failed, long waiting, int skipped, boolean reminder) {}

    private BroadcastStore() {}

    public static List<Audience> audiences(Handle h, long contestId) {
        return h.createQuery("""
                SELECT channel, count(*) AS chats FROM chat_accounts WHERE contest_id = :c AND participant_id IS NOT NULL
                GROUP BY channel ORDER BY channel""").bind("c", contestId)
                .map((rs, ctx) -> new Audience(rs.getString("channel"), rs.getLong("chats"))).list();
    }

    /** The latest broadcasts, newest first, with their delivery counts. */
    public static List<Progress> recent(Handle h, long contestId, int limit) {
        return h.createQuery("""
                SELECT b.id, b.channel, b.text, b.created_at, b.created_by, b.recipients, b.skipped, b.reminder_key IS NOT NULL AS reminder,
                       count(o.id) FILTER (WHERE o.status = 'sent') AS sent,
                       count(o.id) FILTER (WHERE o.status = 'failed') AS failed,
                       count(o.id) FILTER (WHERE o.status IN ('pending', 'sending')) AS waiting
                FROM broadcasts b LEFT JOIN outbox o ON o.broadcast_id = b.id
                WHERE b.contest_id = :c GROUP BY b.id ORDER BY b.id DESC LIMIT :n""")
                .bind("c", contestId).bind("n", limit)
                .map((rs, ctx) -> new Progress(rs.getLong("id"), rs.getString("channel"), rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("recipients"),
                        rs.getLong("sent"), rs.getLong("failed"), rs.getLong("waiting"), rs.getInt("skipped"), rs.getBoolean("reminder")))
                .list();
    }

    /** Records a broadcast and queues it to every registered chat of the channel; returns how many it goes to. */
    public static int send(Handle h, long contestId, String channel, String text, String createdBy) {
        return send(h, contestId, channel, text, createdBy, java.util.Optional.empty(), Instant.now());
    }

    /**
     * As above, but only to chats whose person wrote within the channel's {@code window} ({@code Channel.replyWindow}:
     * the platform would refuse the others, or bill them); those are counted as skipped, as reminders count theirs.
     */
    public static int send(Handle h, long contestId, String channel, String text, String createdBy,
                           java.util.Optional<java.time.Duration> window, Instant now) {
        long id = h.createQuery("""
                INSERT INTO broadcasts (contest_id, channel, text, created_by, recipients) VALUES (:c, :ch, :t, :by, 0) RETURNING id""")
                .bind("c", contestId).bind("ch", channel).bind("t", text).bind("by", createdBy).mapTo(Long.class).one();
        java.time.OffsetDateTime since = window.map(w -> now.minus(w).atOffset(java.time.ZoneOffset.UTC)).orElse(null);
        var counts = h.createQuery("""
                WITH audience AS (
                    SELECT ca.channel, ca.external_id,
                           CAST(:since AS timestamptz) IS NULL OR ca.last_inbound_at >= :since AS reachable
                    FROM chat_accounts ca WHERE ca.contest_id = :c AND ca.channel = :ch AND ca.participant_id IS NOT NULL
                ), queued AS (
                    INSERT INTO outbox (channel, chat_id, payload, broadcast_id)
                    SELECT channel, external_id,
                           jsonb_build_object('chat', jsonb_build_object('channel', channel, 'externalId', external_id),
                                              'text', CAST(:text AS text), 'choices', '[]'::jsonb, 'requestPhone', false, 'kind', 'text'),
                           :b
                    FROM audience WHERE reachable RETURNING 1
                )
                SELECT (SELECT count(*) FROM queued) AS recipients, (SELECT count(*) FROM audience WHERE NOT reachable) AS skipped""")
                .bind("text", text).bind("b", id).bind("c", contestId).bind("ch", channel).bind("since", since)
                .mapToMap().one();
        int recipients = ((Number) counts.get("recipients")).intValue();
        h.execute("UPDATE broadcasts SET recipients = ?, skipped = ? WHERE id = ?", recipients, ((Number) counts.get("skipped")).intValue(), id);
        if (recipients > 0) {
            OutboxStore.wakeDispatchers(h, channel);
        }
        return recipients;
    }
}
