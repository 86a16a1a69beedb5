package vn.contest.core.dialogue;

import org.jdbi.v3.core.Handle;
import vn.contest.core.store.Jdbc;

/**
 * Platform event ids already handled. The insert takes part in the turn's transaction: if the turn fails,
 * the id is not remembered and the platform's redelivery is handled afresh; if two deliveries race, the
 * second waits on the first's key and then finds it taken. A message to the dialogue has its id noted with its
 * chat's lock ({@link ChatAccountStore#arrive}); this is for the replies outside it.
 */
final class InboundEvents {
    /** Its parameters: the channel, then the event id. It changes one row when the id is new, none when it was seen. */
    static final String NOTE = "INSERT INTO inbound_events (channel, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private InboundEvents() {}

    static boolean firstSeen(Handle h, String channel, String eventId) {
        return Jdbc.update(h, NOTE, st -> {
            st.setString(1, channel);
            st.setString(2, eventId);
        }) == 1;
    }
}
