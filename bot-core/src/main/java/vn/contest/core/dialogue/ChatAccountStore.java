package vn.contest.core.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.contest.core.message.ChatRef;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.participant.Draft;
import vn.contest.core.store.Jdbc;

/** Chat accounts: created on first contact, locked row by row so one chat's messages run one at a time. */
public final class ChatAccountStore {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String SELECT = """
            SELECT id, contest_id, channel, external_id, participant_id, state, draft::text AS draft, referral_unit_id,
                   reminders, last_inbound_at, focused
            FROM chat_accounts
            """;

    private static final String LOCK_FOCUSED = SELECT + "WHERE channel = ? AND external_id = ? AND focused FOR UPDATE";

    // The event id is noted first, and the chat locked only when it was new: the lock's subquery reads whether it was.
    // One row always comes back, so a redelivery, or a chat with no row yet, still learns whether the id was new.
    private static final String NOTE_AND_LOCK_FOCUSED = """
            WITH noted AS (""" + InboundEvents.NOTE + """
             RETURNING 1)
            SELECT seen.first_seen, chat.* FROM (SELECT count(*) > 0 AS first_seen FROM noted) seen
            LEFT JOIN LATERAL (""" + SELECT
            + "WHERE seen.first_seen AND channel = ? AND external_id = ? AND focused FOR UPDATE) chat ON true";

    private ChatAccountStore() {}

    /**
     * Locks the chat's row for this transaction. A chat that has not consented yet is only in memory, and
     * {@link #save} writes it once a turn has changed it (consent, a start link's unit), so a stranger's
     * message, or a script's, leaves no chat behind. It is new until it has been answered once. A known chat
     * costs one statement.
     */
    public static ChatAccount lockOrNew(Handle h, long contestId, ChatRef chat) {
        return lock(h, contestId, chat).orElseGet(() -> new ChatAccount(null, contestId, chat, null, State.CONSENT,
                new Draft(), null, !OutboxStore.hasWrittenTo(h, chat), writeDraft(new Draft())));
    }

    /** A message come in: whether its event id is new ({@link InboundEvents}), and the chat's row in its current contest. */
    record Arrival(boolean firstSeen, Optional<ChatAccount> focused) {}

    /**
     * Notes the message's event id in the turn's transaction ({@link InboundEvents}) and, when it is new, locks the
     * chat's row in the contest it is in now, whichever contest that is: one statement for a known chat, which every
     * message makes (plain JDBC). A redelivery waits for the first delivery's turn while that runs, on its id, then
     * finds the id taken and locks nothing.
     */
    static Arrival arrive(Handle h, ChatRef chat, String eventId) {
        Arrival arrival = Jdbc.first(h, NOTE_AND_LOCK_FOCUSED, st -> {
            st.setString(1, chat.channel());
            st.setString(2, eventId);
            st.setString(3, chat.channel());
            st.setString(4, chat.externalId());
        }, rs -> new Arrival(rs.getBoolean("first_seen"), rs.getObject("id") == null ? Optional.empty() : Optional.of(account(rs))))
                .orElseThrow();
        if (!arrival.firstSeen() || arrival.focused().isPresent()) {
            return arrival;
        }
        // No focused row: a chat with none yet, or one whose row lost the focus while this waited for its lock (the
        // chat's turn before moved it to another contest). The statement saw the chat as it stood before that wait;
        // a statement of its own sees it as it stands now.
        return new Arrival(true, Jdbc.first(h, LOCK_FOCUSED, st -> {
            st.setString(1, chat.channel());
            st.setString(2, chat.externalId());
        }, ChatAccountStore::account));
    }

    /** The person this chat registered in another contest, the most recent; empty when none. */
    static Optional<Long> registeredElsewhere(Handle h, ChatRef chat, long contestId) {
        return h.createQuery("""
                SELECT participant_id FROM chat_accounts
                WHERE channel = :ch AND external_id = :ext AND contest_id <> :c AND participant_id IS NOT NULL
                ORDER BY updated_at DESC LIMIT 1""")
                .bind("ch", chat.channel()).bind("ext", chat.externalId()).bind("c", contestId).mapTo(Long.class).findOne();
    }

    /** The chat leaves its current contest's row for another's; written before the other row takes the focus. */
    static void unfocus(Handle h, ChatAccount a) {
        a.focused = false;
        if (a.id != null) {
            h.execute("UPDATE chat_accounts SET focused = false, updated_at = now() WHERE id = ?", a.id);
        }
    }

    private static Optional<ChatAccount> lock(Handle h, long contestId, ChatRef chat) {
        return h.createQuery(SELECT + "WHERE contest_id = :c AND channel = :ch AND external_id = :ext FOR UPDATE")
                .bind("c", contestId).bind("ch", chat.channel()).bind("ext", chat.externalId())
                .map((rs, ctx) -> account(rs))
                .findOne();
    }

    /** Locks an existing chat by its row id (the sweeper's way in). */
    public static Optional<ChatAccount> lockById(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map((rs, ctx) -> account(rs))
                .findOne();
    }

    /** A stored chat, never new; its draft as read is kept to tell whether the turn changed it. */
    private static ChatAccount account(java.sql.ResultSet rs) throws java.sql.SQLException {
        Draft draft = readDraft(rs.getString("draft"));
        return new ChatAccount(rs.getLong("id"), rs.getLong("contest_id"), new ChatRef(rs.getString("channel"), rs.getString("external_id")),
                (Long) rs.getObject("participant_id"), State.valueOf(rs.getString("state")), draft,
                (Long) rs.getObject("referral_unit_id"), rs.getBoolean("reminders"),
                rs.getTimestamp("last_inbound_at") == null ? null : rs.getTimestamp("last_inbound_at").toInstant(), false, writeDraft(draft),
                rs.getBoolean("focused"));
    }

    /** Writes the chat's state back, unless the turn left it as it was read (a new chat: as it started). */
    public static void save(Handle h, ChatAccount a) {
        String draft = writeDraft(a.draft);
        if (!a.changedSinceRead(draft)) {
            return;
        }
        if (a.id == null) {
            // Two first messages of one chat may race: the later one's state wins, as it would for a known chat.
            a.id = h.createQuery("""
                    INSERT INTO chat_accounts (contest_id, channel, external_id, participant_id, state, draft, referral_unit_id,
                                               reminders, last_inbound_at, focused)
                    VALUES (:c, :ch, :ext, :p, :state, CAST(:draft AS jsonb), :ref, :reminders, :heard, :focused)
                    ON CONFLICT (contest_id, channel, external_id) DO UPDATE SET participant_id = EXCLUDED.participant_id,
                        state = EXCLUDED.state, draft = EXCLUDED.draft, referral_unit_id = EXCLUDED.referral_unit_id,
                        reminders = EXCLUDED.reminders, last_inbound_at = EXCLUDED.last_inbound_at, focused = EXCLUDED.focused,
                        updated_at = now()
                    RETURNING id""")
                    .bind("c", a.contestId).bind("ch", a.chat.channel()).bind("ext", a.chat.externalId())
                    .bind("p", a.participantId).bind("state", a.state().name()).bind("draft", draft).bind("ref", a.referralUnitId)
                    .bind("reminders", a.reminders).bind("heard", utc(a.inboundToStore())).bind("focused", a.focused)
                    .mapTo(Long.class).one();
            return;
        }
        h.createUpdate("""
                UPDATE chat_accounts SET participant_id = :p, state = :state, draft = CAST(:draft AS jsonb),
                    referral_unit_id = :ref, reminders = :reminders, focused = :focused,
                    last_inbound_at = coalesce(CAST(:heard AS timestamptz), last_inbound_at), updated_at = now()
                WHERE id = :id""")
                .bind("p", a.participantId).bind("state", a.state().name()).bind("draft", draft)
                .bind("ref", a.referralUnitId).bind("reminders", a.reminders).bind("heard", utc(a.inboundToStore()))
                .bind("focused", a.focused).bind("id", a.id).execute();
    }

    private static java.time.OffsetDateTime utc(java.time.Instant t) {
        return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * Detaches every chat of a person (after they erased their data) and returns them: the erase command's
     * declared move to CONSENT, made in SQL for the person's other chats, which this turn has not locked.
     */
    static List<ChatRef> detachAll(Handle h, long participantId) {
        return h.createQuery("""
                UPDATE chat_accounts SET participant_id = NULL, state = 'CONSENT', draft = '{}', referral_unit_id = NULL,
                    reminders = false, updated_at = now()
                WHERE participant_id = :p RETURNING channel, external_id""")
                .bind("p", participantId).map((rs, ctx) -> new ChatRef(rs.getString("channel"), rs.getString("external_id"))).list();
    }

    // A registered chat's draft is empty on nearly every turn: read and written without Jackson.
    private static final String EMPTY = "{}";

    private static Draft readDraft(String json) {
        try {
            return json == null || json.equals(EMPTY) ? new Draft() : JSON.readValue(json, Draft.class);
        } catch (JsonProcessingException e) {
            return new Draft();
        }
    }

    private static String writeDraft(Draft d) {
        try {
            return d == null || d.isEmpty() ? EMPTY : JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
