package vn.contest.core.dialogue;

import org.jdbi.v3.core.Handle;

/**
 * Platform event ids already handled. The insert takes part in the turn's transaction: if the turn fails,
 * the id is not remembered and the platform's redelivery is handled afresh; if two deliveries race, the
 * second waits on the first's key and then finds it taken.
 */
final class InboundEvents {
    private InboundEvents() {}

    static boolean firstSeen(Handle h, String channel, String eventId) {
        return h.createUpdate("INSERT INTO inbound_events (channel, event_id) VALUES (:ch, :id) ON CONFLICT DO NOTHING")
                .bind("ch", channel).bind("id", eventId).execute() == 1;
    }
}
