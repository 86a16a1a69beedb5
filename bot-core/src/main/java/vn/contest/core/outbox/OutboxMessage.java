package vn.contest.core.outbox;

import vn.contest.core.message.Outbound;

/** A reply waiting in (or delivered from) the outbox; {@code tries} counts delivery attempts so far. */
public record OutboxMessage(long id, Outbound outbound, int tries) {}
