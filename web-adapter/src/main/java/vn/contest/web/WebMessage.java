package vn.contest.web;

import java.util.List;
import vn.contest.core.message.Choice;
import vn.contest.core.outbox.OutboxMessage;

/** A bot message as the page receives it. {@code deadline} is epoch milliseconds, for the countdown. */
record WebMessage(long id, String text, List<Choice> choices, String kind, Long deadline) {
    static WebMessage of(OutboxMessage m) {
        var o = m.outbound();
        return new WebMessage(m.id(), o.text(), o.choices(), o.kind(), o.deadline() == null ? null : o.deadline().toEpochMilli());
    }
}
