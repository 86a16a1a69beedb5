package vn.contest.core.dialogue;

import org.jdbi.v3.core.Handle;
import vn.contest.core.store.Jdbc;

/**
 * Platform event ids already handled. The insert takes part in the turn's transaction: if the turn fails,
 * the id is not remembered and the platform's redelivery is handled afresh; if two deliveries race, the
 * second waits on the first's key and then finds it taken. Every message makes this statement: plain JDBC.
 */
final class InboundEvents {
    private InboundEvents() {}

    static boolean firstSeen(Handle h, String channel, String eventId) {
        return Jdbc.update(h, "INSERT INTO inbound_events (channel, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING", st -> {
            st.setString(1, channel);
            st.setString(2, eventId);
        }) == 1;
    }
}
