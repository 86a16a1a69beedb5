package vn.contest.core.remind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.contest.Contest;
import vn.contest.core.dialogue.Texts;
import vn.contest.core.dialogue.Tokens;
import vn.contest.core.message.Choice;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.rules.AttemptRules;
import vn.contest.core.rules.Eligibility;
import vn.contest.core.rules.ReminderSchedule;

/**
 * Sends the reminders {@link ReminderSchedule} says are due, as broadcasts the app makes itself: one per round,
 * lead time and channel, made once whichever instance gets there first (a unique key). They go to chats that
 * opted in, whose person may still start a paper there and has none finished in it, behind any conversation
 * reply. A channel that may only answer recent writers (Zalo: 7 days) skips the others and counts them. The
 * web page shows its reminder at the person's next visit.
 */
public final class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A channel this instance delivers on, and how long after a person last wrote it may still write to them. */
    public record Route(String channel, Optional<Duration> replyWindow) {}

    private Reminders() {}

    /** Sends whatever is due now; returns how many messages were queued. Safe to run on every instance at once. */
    public static int sendDue(Jdbi jdbi, Contest contest, Instant now, List<Route> routes) {
        return sendDue(jdbi, contest, now, routes, false);
    }

    /** As above; {@code sayWhich}: several contests run at once, so the reminder starts with its contest's title. */
    public static int sendDue(Jdbi jdbi, Contest contest, Instant now, List<Route> routes, boolean sayWhich) {
        int queued = 0;
        for (ReminderSchedule.Due due : ReminderSchedule.due(contest, now)) {
            for (Route route : routes) {
                queued += jdbi.inTransaction(h -> send(h, contest, due, route, now, sayWhich));
            }
        }
        return queued;
    }

    private static int send(Handle h, Contest contest, ReminderSchedule.Due due, Route route, Instant now, boolean sayWhich) {
        String text = (sayWhich ? Texts.contestTag(contest.config().title()) : "")
                + Texts.reminder(due.round().name(), Texts.dateTime(due.round().closesAt(), contest.config().zone()));
        Optional<Long> id = h.createQuery("""
                INSERT INTO broadcasts (contest_id, channel, text, created_by, recipients, reminder_key)
                VALUES (:c, :ch, :t, 'nhắc nhở tự động', 0, :key) ON CONFLICT (reminder_key) DO NOTHING RETURNING id""")
                .bind("c", contest.id()).bind("ch", route.channel()).bind("t", text).bind("key", due.key() + ":" + route.channel())
                .mapTo(Long.class).findOne();
        if (id.isEmpty()) {
            return 0; // made already, here or by another instance
        }
        // Whoever may still start a paper in the round and has not finished one there (erased people have no
        // chat); those the platform would refuse are counted, not queued. One statement, one pass over them.
        java.time.OffsetDateTime since = route.replyWindow().map(w -> now.minus(w).atOffset(ZoneOffset.UTC)).orElse(null);
        var counts = new AttemptRules(contest.config()).bindCaps(new Eligibility(contest.config()).bind(h.createQuery("""
                WITH audience AS (
                    SELECT ca.channel, ca.external_id,
                           CAST(:since AS timestamptz) IS NULL OR ca.last_inbound_at >= :since AS reachable
                    FROM chat_accounts ca JOIN participants p ON p.id = ca.participant_id
                    WHERE ca.contest_id = :c AND ca.channel = :ch AND ca.reminders AND <mayCompete>
                      AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.participant_id = p.id AND a.round_id = :round AND a.status = 'finished')
                      AND <capsLeaveAPaper>
                ), queued AS (
                    INSERT INTO outbox (channel, chat_id, payload, broadcast_id)
                    SELECT channel, external_id,
                           jsonb_build_object('chat', jsonb_build_object('channel', channel, 'externalId', external_id),
                                              'text', CAST(:text AS text), 'choices', CAST(:choices AS jsonb), 'requestPhone', false,
                                              'kind', 'text'),
                           :b
                    FROM audience WHERE reachable RETURNING 1
                )
                SELECT (SELECT count(*) FROM queued) AS recipients, (SELECT count(*) FROM audience WHERE NOT reachable) AS skipped""")))
                .define("mayCompete", Eligibility.MAY_COMPETE).define("capsLeaveAPaper", AttemptRules.CAPS_LEAVE_A_PAPER)
                .bind("text", text).bind("choices", choices(contest)).bind("b", id.get()).bind("c", contest.id()).bind("ch", route.channel())
                .bind("round", due.round().id()).bind("since", since)
                .mapToMap().one();
        int recipients = ((Number) counts.get("recipients")).intValue();
        int skipped = ((Number) counts.get("skipped")).intValue();
        h.execute("UPDATE broadcasts SET recipients = ?, skipped = ? WHERE id = ?", recipients, skipped, id.get());
        if (recipients > 0) {
            OutboxStore.wakeDispatchers(h, route.channel());
        }
        log.info("Reminder {} on {}: {} queued, {} outside the platform's reply window", due.key(), route.channel(), recipients, skipped);
        return recipients;
    }

    /** "Bắt đầu thi", naming the contest: a chat that has moved to another contest since comes back to this one. */
    private static String choices(Contest contest) {
        try {
            return JSON.writeValueAsString(List.of(new Choice(Tokens.startIn(contest.config().code()), Texts.startButton())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
