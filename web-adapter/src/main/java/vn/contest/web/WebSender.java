package vn.contest.web;

import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.SendResult;
import vn.contest.core.outbox.Sender;

/**
 * The web page reads its chat's replies straight from the outbox (see {@link WebChannel}): a conversation
 * reply is written as sent already, and only a broadcast's rows come here, to be counted as delivered.
 */
public final class WebSender implements Sender {
    @Override
    public String channel() {
        return WebChannel.CHANNEL;
    }

    @Override
    public double messagesPerSecond() {
        return 10_000;
    }

    @Override
    public SendResult send(Outbound message) {
        return SendResult.sent();
    }
}
