package vn.contest.core.outbox;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.text.Redaction;

/**
 * Drains the outbox through each channel's {@link Sender}: paced to the channel's rate for all instances together
 * ({@link SharedPace}), retried with backoff on passing faults, held without giving up while the sending side must
 * be put right (an alert meanwhile), kept with its reason when the platform refuses for good. Safe to run on every
 * instance.
 *
 * <p>Woken, not polling: the instance that commits a turn hands its replies over at once ({@link #handOff}); a
 * row queued by another instance wakes it through PostgreSQL's NOTIFY ({@link #listenWith}); a retry or a held row
 * wakes it when due; the slow timer of {@link #start} is only the safety net. One drain at a time per channel in an
 * instance (a {@link Lane}), all through {@link #drainOnce}, so the pace and the order within a chat are the same
 * whichever way it was woken.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 50;
    private static final Duration PACE_RETRY = Duration.ofMillis(250);
    private static final Duration PACE_PATIENCE = Duration.ofSeconds(10);

    private final OutboxStore store;
    private final List<Sender> senders;
    private final SharedPace pace;
    private final ScheduledExecutorService executor;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile DeliveryObserver observer = DeliveryObserver.NONE;
    private volatile OutboxListener listener;

    /** Paced by a {@link SharedPace} on the outbox's own database. */
    public OutboxDispatcher(OutboxStore store, List<Sender> senders) {
        this(store, senders, new SharedPace(store.jdbi()));
    }

    /** Each channel's messages go out at its {@link Sender#messagesPerSecond()}, shared with every instance through {@code pace}. */
    public OutboxDispatcher(OutboxStore store, List<Sender> senders, SharedPace pace) {
        this.store = store;
        this.senders = List.copyOf(senders);
        this.pace = pace;
        this.senders.forEach(s -> lanes.put(s.channel(), new Lane(s)));
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(
                this.senders.size() + 1, r -> {
                    Thread t = new Thread(r, "outbox-dispatcher");
                    t.setDaemon(true);
                    return t;
                });
        // A wake-up scheduled for later (a retry, a held row, a chat's gap) must not hold up a shutdown: the rows wait.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
    }

    /** From now on every refused delivery is reported to {@code observer} (metrics). */
    public void observeWith(DeliveryObserver observer) {
        this.observer = observer;
    }

    /**
     * Starts the safety net: every channel is looked at now and then every {@code safetyNet} (rows nobody woke us
     * for: a NOTIFY lost while the listener reconnected, rows written by other means).
     */
    public void start(Duration safetyNet) {
        for (Lane lane : lanes.values()) {
            executor.scheduleWithFixedDelay(lane::wake, 0, safetyNet.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Listens for the NOTIFY that {@link OutboxStore#wakeDispatchers} sends, on a connection {@code connect} opens outside
     * the pool (and opens again when the database comes back).
     */
    public void listenWith(Callable<Connection> connect) {
        OutboxListener l = new OutboxListener(connect, this::wake, () -> lanes.values().forEach(Lane::wake));
        listener = l;
        l.start();
    }

    /**
     * The replies a turn queued, handed over right after its transaction committed: their channels' drains start
     * now on the dispatcher's threads (never the caller's), claiming through the same lease, order and per-chat gap
     * as any other row; what cannot go yet stays for the gap's wake-up, a retry or another instance. A web chat's
     * replies were written as delivered: they wake nothing (a drain there costs a claim for rows that are not there).
     */
    public void handOff(List<OutboxMessage> committed) {
        committed.stream().map(OutboxMessage::outbound).filter(OutboxStore::waitsForDispatcher)
                .map(o -> o.chat().channel()).distinct().forEach(this::wake);
    }

    /** Looks at one channel's outbox now (nothing for a channel this dispatcher does not send). */
    public void wake(String channel) {
        Lane lane = channel == null ? null : lanes.get(channel);
        if (lane != null) {
            lane.wake();
        }
    }

    private Lane lane(Sender sender) {
        return lanes.computeIfAbsent(sender.channel(), k -> new Lane(sender));
    }

    /** Drains until nothing more is due; true when something was claimed. */
    private boolean drainSafely(Sender sender) {
        boolean any = false;
        try {
            // A claim takes each chat's oldest row only; sending it frees the chat's next one: claim again.
            while (drainOnce(sender) > 0 && !executor.isShutdown()) {
                any = true;
            }
        } catch (RuntimeException e) {
            log.warn("Outbox dispatch for {} failed, will retry: {}", sender.channel(), Redaction.redact(e.toString()));
            lane(sender).later(Duration.ofSeconds(1));
        }
        return any;
    }

    /** One channel's drain: at most one runs at a time in this instance; a wake meanwhile makes it run once more. */
    private final class Lane {
        final Sender sender;
        final AtomicBoolean dirty = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean();

        Lane(Sender sender) {
            this.sender = sender;
        }

        void wake() {
            dirty.set(true);
            if (running.compareAndSet(false, true)) {
                try {
                    executor.execute(this::run);
                } catch (RejectedExecutionException e) {
                    running.set(false); // shutting down
                }
            }
        }

        private void run() {
            boolean sentSome = false;
            try {
                while (dirty.getAndSet(false) && !executor.isShutdown()) {
                    sentSome |= drainSafely(sender);
                }
            } finally {
                running.set(false);
            }
            if (dirty.get()) {
                wake();
            } else if (sentSome && sender.perChatGap().compareTo(Duration.ZERO) > 0) {
                // A chat's next new message may be waiting for its gap: look again once the gap has passed.
                later(sender.perChatGap());
            }
        }

        void later(Duration delay) {
            try {
                executor.schedule(this::wake, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    /** Delivers one batch of due messages; returns how many were claimed. */
    public int drainOnce(Sender sender) {
        // Sent at the pace, a batch must end well within its lease, or its last rows would be claimed again elsewhere.
        int size = (int) Math.max(1, Math.min(BATCH, sender.messagesPerSecond() * LEASE.toSeconds() / 4));
        List<OutboxMessage> batch = store.claim(sender.channel(), size, LEASE, sender.perChatGap());
        for (OutboxMessage m : batch) {
            awaitPace(sender);
            deliver(sender, m);
        }
        return batch.size();
    }

    /**
     * Waits until the channel's pace, shared by every instance, lets one more message go: the one place sending
     * asks. While the pace's database does not answer nothing is sent unpaced; after {@link #PACE_PATIENCE} this
     * throws, and the batch's unsent rows come back when their lease runs out.
     */
    private void awaitPace(Sender sender) {
        long failingSince = 0;
        while (true) {
            Duration wait;
            try {
                wait = pace.take(sender.channel(), sender.messagesPerSecond());
            } catch (RuntimeException e) {
                if (failingSince == 0) {
                    failingSince = System.nanoTime();
                    log.warn("Send pace for {} not available, waiting: {}", sender.channel(), Redaction.redact(e.toString()));
                } else if (System.nanoTime() - failingSince > PACE_PATIENCE.toNanos() || executor.isShutdown()) {
                    throw e;
                }
                wait = PACE_RETRY;
            }
            if (wait.isZero()) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for the send pace");
            }
            sleep(wait.toNanos());
        }
    }

    private void deliver(Sender sender, OutboxMessage m) {
        SendResult result;
        try {
            result = sender.send(m.outbound());
        } catch (RuntimeException e) {
            result = new SendResult.Retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // Java 17 has no pattern switch yet.
        if (result instanceof SendResult.Sent sent) {
            store.markSent(m.id(), sent.ref());
            observer.result(sender.channel(), DeliveryObserver.SENT, "ok");
        } else if (result instanceof SendResult.Undeliverable u) {
            log.info("Outbox message {} on {} undeliverable: {}", m.id(), sender.channel(), u.reason());
            store.markFailed(m.id(), u.reason());
            observer.result(sender.channel(), DeliveryObserver.UNDELIVERABLE, SendResult.errorCode(u.reason()));
            observer.failed(sender.channel(), SendResult.errorCode(u.reason()), true);
        } else if (result instanceof SendResult.Held held) {
            // Not the person's fault and not lasting: kept however long it takes, with the operator alerted.
            log.warn("Outbox message {} on {} held ({}): {}", m.id(), sender.channel(), held.alert(), held.reason());
            store.hold(m.id(), held.after(), held.alert(), held.reason());
            lane(sender).later(held.after());
            observer.failed(sender.channel(), SendResult.errorCode(held.reason()), false);
            observer.result(sender.channel(), DeliveryObserver.HELD, SendResult.errorCode(held.reason()));
        } else if (result instanceof SendResult.Retry r) {
            observer.failed(sender.channel(), SendResult.errorCode(r.reason()), m.tries() >= Backoff.MAX_TRIES);
            observer.result(sender.channel(), m.tries() >= Backoff.MAX_TRIES ? DeliveryObserver.UNDELIVERABLE : DeliveryObserver.RETRY,
                    SendResult.errorCode(r.reason()));
            if (m.tries() >= Backoff.MAX_TRIES) {
                log.warn("Outbox message {} on {} failed after {} tries: {}", m.id(), sender.channel(), m.tries(), r.reason());
                store.markFailed(m.id(), "gave up after " + m.tries() + " tries: " + r.reason());
            } else {
                Duration after = r.after() != null ? r.after() : Backoff.after(m.tries());
                store.retryLater(m.id(), after, r.reason());
                lane(sender).later(after);
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
        OutboxListener l = listener;
        if (l != null) {
            l.close();
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
