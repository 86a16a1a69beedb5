package vn.contest.core.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.text.Redaction;

/**
 * Drains the outbox through each channel's {@link Sender}: paced to the channel's rate, retried with backoff
 * on passing faults, held without giving up while the sending side must be put right (an alert meanwhile), kept
 * with its reason when the platform refuses for good. Safe to run on every instance.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 50;

    private final OutboxStore store;
    private final List<Sender> senders;
    private final ScheduledExecutorService executor;
    private volatile DeliveryObserver observer = DeliveryObserver.NONE;

    public OutboxDispatcher(OutboxStore store, List<Sender> senders) {
        this.store = store;
        this.senders = List.copyOf(senders);
        this.executor = Executors.newScheduledThreadPool(Math.max(1, senders.size()), r -> {
            Thread t = new Thread(r, "outbox-dispatcher");
            t.setDaemon(true);
            return t;
        });
    }

    /** From now on every refused delivery is reported to {@code observer} (metrics). */
    public void observeWith(DeliveryObserver observer) {
        this.observer = observer;
    }

    public void start(Duration idlePoll) {
        for (Sender sender : senders) {
            executor.scheduleWithFixedDelay(() -> drainSafely(sender), 0, idlePoll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void drainSafely(Sender sender) {
        try {
            while (drainOnce(sender) == BATCH && !executor.isShutdown()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("Outbox dispatch for {} failed, will retry: {}", sender.channel(), Redaction.redact(e.toString()));
        }
    }

    /** Delivers one batch of due messages; returns how many were claimed. */
    public int drainOnce(Sender sender) {
        List<OutboxMessage> batch = store.claim(sender.channel(), BATCH, LEASE, sender.perChatGap());
        long gapNanos = (long) (1_000_000_000L / Math.max(sender.messagesPerSecond(), 0.1));
        long next = System.nanoTime();
        for (OutboxMessage m : batch) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
            }
            next = System.nanoTime() + gapNanos;
            deliver(sender, m);
        }
        return batch.size();
    }

    private void deliver(Sender sender, OutboxMessage m) {
        SendResult result;
        try {
            result = sender.send(m.outbound());
        } catch (RuntimeException e) {
            result = new SendResult.Retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // Java 17 has no pattern switch yet.
        if (result instanceof SendResult.Sent) {
            store.markSent(m.id());
        } else if (result instanceof SendResult.Undeliverable u) {
            log.info("Outbox message {} on {} undeliverable: {}", m.id(), sender.channel(), u.reason());
            store.markFailed(m.id(), u.reason());
            observer.failed(sender.channel(), SendResult.errorCode(u.reason()), true);
        } else if (result instanceof SendResult.Held held) {
            // Not the person's fault and not lasting: kept however long it takes, with the operator alerted.
            log.warn("Outbox message {} on {} held ({}): {}", m.id(), sender.channel(), held.alert(), held.reason());
            store.hold(m.id(), held.after(), held.alert(), held.reason());
            observer.failed(sender.channel(), SendResult.errorCode(held.reason()), false);
        } else if (result instanceof SendResult.Retry r) {
            observer.failed(sender.channel(), SendResult.errorCode(r.reason()), m.tries() >= Backoff.MAX_TRIES);
            if (m.tries() >= Backoff.MAX_TRIES) {
                log.warn("Outbox message {} on {} failed after {} tries: {}", m.id(), sender.channel(), m.tries(), r.reason());
                store.markFailed(m.id(), "gave up after " + m.tries() + " tries: " + r.reason());
            } else {
                store.retryLater(m.id(), r.after() != null ? r.after() : Backoff.after(m.tries()), r.reason());
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
