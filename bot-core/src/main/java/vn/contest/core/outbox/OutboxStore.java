package vn.contest.core.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Outbound;
import vn.contest.core.store.Jdbc;

/**
 * The outbox table. Rows are written inside the transaction that decided them; dispatchers on any number of
 * instances claim due rows with a lease (so a crashed sender's rows come back), one chat's rows in order.
 */
public final class OutboxStore {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * {@code $rows} is a row of values a reply ({@link #WEB_ROW}, {@link #QUEUED_ROW}); the last two parameters name a
     * chat whose newest message before these is returned with each id (a statement does not see its own rows).
     */
    private static final String ENQUEUE = """
            INSERT INTO outbox (channel, chat_id, payload, status, sent_at) VALUES $rows
            RETURNING id, (SELECT max(o.id) FROM outbox o WHERE o.channel = ? AND o.chat_id = ?) AS newest_before""";
    /** A web chat's reply is delivered as it is written: its page reads the outbox. */
    private static final String WEB_ROW = "(?, ?, CAST(? AS jsonb), 'sent', now())";
    /** Any other platform's waits for its dispatcher. */
    private static final String QUEUED_ROW = "(?, ?, CAST(? AS jsonb), 'pending', NULL)";

    private final Jdbi jdbi;

    public OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The database the outbox is in, for the dispatcher's shared pace. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** Replies as queued, and the newest message their turn's chat had before them (0: none; see {@link #enqueue}). */
    public record Queued(List<OutboxMessage> messages, long newestBefore) {
        /** Nothing queued, and so nothing known of the chat. */
        static final Queued NOTHING = new Queued(List.of(), Long.MAX_VALUE);
    }

    /**
     * Queues replies in the caller's transaction, in their order, with one statement. A web chat's reply is
     * delivered as it is written (its page reads the outbox), so no dispatcher has to claim and mark it.
     */
    public static List<OutboxMessage> enqueue(Handle h, List<Outbound> replies) {
        return enqueue(h, replies, replies.isEmpty() ? null : replies.get(0).chat()).messages();
    }

    /**
     * As {@link #enqueue(Handle, List)}, reading with it the id of the newest message {@code chat} had been queued
     * before these ({@link Long#MAX_VALUE} when nothing was queued): a web page that has seen that one has nothing
     * older to read back. Read in this statement, which runs after the turn's lock on the chat, it counts whatever
     * was committed while the turn waited for that lock.
     */
    public static Queued enqueue(Handle h, List<Outbound> replies, ChatRef chat) {
        if (replies.isEmpty()) {
            return Queued.NOTHING;
        }
        // The ids come back in the replies' order (a bigserial fills them as the rows are inserted, in the order given).
        // No NOTIFY: the instance that commits the turn hands its replies to its own dispatcher (Dialogue.afterCommit),
        // and a notifying commit would take PostgreSQL's database-wide notify lock on every answer. Every turn makes this
        // statement: plain JDBC, as plain an insert as PostgreSQL runs.
        StringBuilder rows = new StringBuilder();
        for (Outbound o : replies) {
            rows.append(rows.isEmpty() ? "" : ", ").append(waitsForDispatcher(o) ? QUEUED_ROW : WEB_ROW);
        }
        List<long[]> returned = Jdbc.list(h, ENQUEUE.replace("$rows", rows), st -> {
            int i = 1;
            for (Outbound o : replies) {
                st.setString(i++, o.chat().channel());
                st.setString(i++, o.chat().externalId());
                st.setString(i++, write(o));
            }
            st.setString(i++, chat.channel());
            st.setString(i, chat.externalId());
        }, rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        List<Long> ordered = returned.stream().map(r -> r[0]).sorted().toList();
        List<OutboxMessage> queued = new java.util.ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            queued.add(new OutboxMessage(ordered.get(i), replies.get(i), 0));
        }
        return new Queued(queued, returned.get(0)[1]);
    }

    /** Whether a turn's reply waits for a dispatcher: a web chat's is written as delivered (its page reads the outbox). */
    static boolean waitsForDispatcher(Outbound reply) {
        return !reply.chat().isWeb();
    }

    /**
     * Wakes every instance's dispatcher for {@code channel} when the caller's transaction commits (PostgreSQL NOTIFY,
     * {@link OutboxListener}): for rows queued in bulk, by whichever instance, with nobody to hand them to.
     */
    public static void wakeDispatchers(Handle h, String channel) {
        h.createQuery("SELECT pg_notify('outbox', :ch)").bind("ch", channel).mapTo(String.class).one();
    }

    /**
     * Claims up to {@code limit} due rows of one channel: the oldest undelivered row of each chat only, so
     * replies arrive in the order they were written. Rows whose lease ran out (a sender died) are due again.
     */
    public List<OutboxMessage> claim(String channel, int limit, Duration lease) {
        return claim(channel, limit, lease, Duration.ZERO);
    }

    /**
     * As {@link #claim(String, int, Duration)}, and a new message to a chat waits until {@code perChatGap} has
     * passed since the last one delivered there from an earlier turn (an edit marking an earlier message does not wait; a
     * message shown in an earlier one's place does, as Telegram's limits may count it as one).
     */
    public List<OutboxMessage> claim(String channel, int limit, Duration lease, Duration perChatGap) {
        // The gap is between turns: the replies of one turn (written in one transaction, so with one created_at) go
        // as the short burst Telegram tolerates, so a paper's first question does not wait a second behind its
        // introduction. A chat's rows go out in id order, so its newest delivered row (walked back from its newest row
        // through outbox_chat) is the one it got last. Asked as "any of its rows delivered lately", PostgreSQL read
        // the whole table on every claim (80 ms with an 84,000-row Telegram backlog, 19 ms this way).
        return jdbi.inTransaction(h -> h.createQuery("""
                WITH due AS (
                    SELECT o.id FROM outbox o
                    WHERE o.channel = :ch
                      AND ((o.status = 'pending' AND o.next_attempt_at <= now())
                           OR (o.status = 'sending' AND o.lease_until < now()))
                      AND NOT EXISTS (SELECT 1 FROM outbox e
                                      WHERE e.channel = o.channel AND e.chat_id = o.chat_id AND e.id < o.id
                                        AND e.status IN ('pending', 'sending'))
                      AND (:gap = 0 OR o.payload->>'kind' = 'edit' OR coalesce((
                                      SELECT CASE WHEN s.created_at = o.created_at THEN '-infinity' ELSE s.sent_at END
                                      FROM outbox s
                                      WHERE s.channel = o.channel AND s.chat_id = o.chat_id AND s.status = 'sent'
                                        AND s.payload->>'kind' <> 'edit'
                                      ORDER BY s.id DESC LIMIT 1), '-infinity') <= now() - make_interval(secs => :gap))
                    ORDER BY (o.broadcast_id IS NOT NULL), o.id LIMIT :n
                    FOR UPDATE SKIP LOCKED
                ), claimed AS (
                    UPDATE outbox SET status = 'sending', tries = tries + 1,
                                      lease_until = now() + make_interval(secs => :lease)
                    FROM due WHERE outbox.id = due.id
                    RETURNING outbox.id, outbox.payload::text AS payload, outbox.tries, outbox.broadcast_id IS NOT NULL AS bulk)
                SELECT id, payload, tries FROM claimed ORDER BY bulk, id""")
                .bind("ch", channel).bind("n", limit).bind("lease", (double) lease.toSeconds())
                .bind("gap", perChatGap.toMillis() / 1000.0)
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"), read(rs.getString("payload")), rs.getInt("tries")))
                .list());
    }

    /** Marks a row delivered; {@code platformRef} is the platform's id of the message showing it (null where none). */
    public void markSent(long id, String platformRef) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL, held_alert = NULL,
                                  platform_ref = :ref
                WHERE id = :id""").bind("ref", platformRef).bind("id", id).execute());
    }

    /**
     * Whether the platform's message {@code platformRef} is the newest the chat has been sent: the chat's newest row
     * is delivered and showing as that message, so nothing came after it that a change in place would leave below.
     * Every answer tap on Telegram asks: plain JDBC, as the turn's other statements.
     */
    public static boolean isNewest(Handle h, ChatRef chat, String platformRef) {
        return Jdbc.first(h, "SELECT platform_ref FROM outbox WHERE channel = ? AND chat_id = ? ORDER BY id DESC LIMIT 1", st -> {
            st.setString(1, chat.channel());
            st.setString(2, chat.externalId());
        }, rs -> rs.getString(1)).map(platformRef::equals).orElse(false);
    }

    public void retryLater(long id, Duration delay, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = :err, held_alert = NULL,
                                  next_attempt_at = now() + make_interval(secs => :delay)
                WHERE id = :id""")
                .bind("err", error).bind("delay", delay.toMillis() / 1000.0).bind("id", id).execute());
    }

    /**
     * Keeps a row the platform refused for now on the sending side ({@link SendResult.Held}): tried again after
     * {@code delay}, marked with the {@code alert} the channel raises, and this try not counted against the row
     * (it is never given up on for this).
     */
    public void hold(long id, Duration delay, String alert, String reason) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox SET status = 'pending', lease_until = NULL, last_error = :err, held_alert = :alert,
                                  tries = greatest(tries - 1, 0), next_attempt_at = now() + make_interval(secs => :delay)
                WHERE id = :id""")
                .bind("err", reason).bind("alert", alert).bind("delay", delay.toMillis() / 1000.0).bind("id", id).execute());
    }

    /** Messages of one channel held for one alert: how many, since when the oldest waits, and the last reason given. */
    public record Held(String alert, long messages, java.time.Instant oldest, String reason) {}

    /** What a channel's messages are held for now, one line per alert (empty when none waits). */
    public List<Held> held(String channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT held_alert, count(*) AS n, min(created_at) AS oldest, max(last_error) AS reason FROM outbox
                WHERE channel = :ch AND held_alert IS NOT NULL AND status IN ('pending', 'sending')
                GROUP BY held_alert ORDER BY held_alert""")
                .bind("ch", channel)
                .map((rs, ctx) -> new Held(rs.getString("held_alert"), rs.getLong("n"), rs.getTimestamp("oldest").toInstant(),
                        rs.getString("reason")))
                .list());
    }

    /** Gives up on a row for good, keeping why; later rows of the same chat go on. */
    public void markFailed(long id, String reason) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = ?, held_alert = NULL WHERE id = ?",
                reason, id));
    }

    /**
     * Records a turn's replies as delivered where the turn came from: a platform's chat acting through the chat page
     * (the Telegram Mini App) reads them in its HTTP response, so no dispatcher may send them through the platform.
     * In the turn's transaction, so no dispatcher ever sees them pending.
     */
    public static void deliveredInPage(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        h.createUpdate("UPDATE outbox SET status = 'sent', sent_at = now() WHERE id = ANY(:ids) AND status = 'pending'")
                .bind("ids", ids.toArray(Long[]::new)).execute();
    }

    /** The id of the chat's newest row, 0 when none: where a page that should not show the history starts reading. */
    public long lastId(ChatRef chat) {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM outbox WHERE channel = :ch AND chat_id = :chat")
                .bind("ch", chat.channel()).bind("chat", chat.externalId()).mapTo(Long.class).one());
    }

    /** Whether anything was ever written to this chat (and not erased since). */
    public static boolean hasWrittenTo(Handle h, ChatRef chat) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM outbox WHERE channel = :ch AND chat_id = :chat)")
                .bind("ch", chat.channel()).bind("chat", chat.externalId()).mapTo(Boolean.class).one();
    }

    /** Erases a chat's history (after "đăng xuất"): what was sent there must not be read again from this chat. */
    public static void forget(Handle h, ChatRef chat) {
        h.createUpdate("DELETE FROM outbox WHERE channel = :ch AND chat_id = :chat")
                .bind("ch", chat.channel()).bind("chat", chat.externalId()).execute();
    }

    /** Drops the reminders still waiting for this chat (after "tắt nhắc nhở"): none arrives after the person said no. */
    public static void dropQueuedReminders(Handle h, ChatRef chat) {
        h.createUpdate("""
                DELETE FROM outbox WHERE channel = :ch AND chat_id = :chat AND status = 'pending'
                  AND broadcast_id IN (SELECT id FROM broadcasts WHERE reminder_key IS NOT NULL)""")
                .bind("ch", chat.channel()).bind("chat", chat.externalId()).execute();
    }


    /** Every reply to one chat after {@code afterId}, whatever its delivery state (the web page reads these). */
    public List<OutboxMessage> forChat(ChatRef chat, long afterId, int limit) {
        return forChat(chat, afterId, Long.MAX_VALUE, limit);
    }

    /**
     * The chat's rows after {@code afterId}, and those at or before it written since {@code since}: a row takes
     * its id when its statement starts and is seen when it commits, so a long broadcast's row may appear below
     * ids a reader has already passed. The reader drops what it has shown.
     */
    public List<OutboxMessage> forChatWithLate(ChatRef chat, long afterId, java.time.Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, payload::text AS payload, tries FROM outbox
                WHERE channel = :ch AND chat_id = :chat AND (id > :after OR created_at > :since) ORDER BY id LIMIT :n""")
                .bind("ch", chat.channel()).bind("chat", chat.externalId()).bind("after", afterId)
                .bind("since", since.atOffset(java.time.ZoneOffset.UTC)).bind("n", limit)
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"), read(rs.getString("payload")), rs.getInt("tries")))
                .list());
    }

    /** The chat's rows with {@code afterId < id < beforeId}, oldest first. */
    public List<OutboxMessage> forChat(ChatRef chat, long afterId, long beforeId, int limit) {
        return jdbi.withHandle(h -> forChat(h, chat, afterId, beforeId, limit));
    }

    /** As {@link #forChat(ChatRef, long, long, int)}, on the caller's handle (a turn's transaction; the web page's read-back, plain JDBC). */
    public static List<OutboxMessage> forChat(Handle h, ChatRef chat, long afterId, long beforeId, int limit) {
        return Jdbc.list(h, """
                SELECT id, payload::text AS payload, tries FROM outbox
                WHERE channel = ? AND chat_id = ? AND id > ? AND id < ? ORDER BY id LIMIT ?""", st -> {
            st.setString(1, chat.channel());
            st.setString(2, chat.externalId());
            st.setLong(3, afterId);
            st.setLong(4, beforeId);
            st.setInt(5, limit);
        }, rs -> new OutboxMessage(rs.getLong("id"), read(rs.getString("payload")), rs.getInt("tries")));
    }

    static String write(Outbound out) {
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Outbound read(String json) {
        try {
            return JSON.readValue(json, Outbound.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox payload", e);
        }
    }
}
