package vn.contest.core.dialogue;

import vn.contest.core.message.Outbound;
import vn.contest.core.message.Choice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.contest.Contest;
import vn.contest.core.outbox.OutboxStore;

/**
 * Finishes papers whose time ran out while their owner was silent, and tells them. Takes locks in the same
 * order as a dialogue turn (chat, then paper) and skips papers another instance is finishing, so it can run
 * on every instance at once.
 */
public final class ExpiredAttemptSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExpiredAttemptSweeper.class);

    private final Jdbi jdbi;
    private final Supplier<Contest> contest;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attempt-sweeper");
        t.setDaemon(true);
        return t;
    });

    public ExpiredAttemptSweeper(Jdbi jdbi, Contest contest, Clock clock) {
        this(jdbi, () -> contest, clock);
    }

    public ExpiredAttemptSweeper(Jdbi jdbi, Supplier<Contest> contest, Clock clock) {
        this.jdbi = jdbi;
        this.contest = contest;
        this.clock = clock;
    }

    public void start(Duration every) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Attempt sweep failed, will retry: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Finishes every expired paper; returns how many it finished. */
    public int sweep() {
        Instant now = clock.instant();
        List<Long> expired = jdbi.withHandle(h -> AttemptStore.expired(h, now, 500));
        int finished = 0;
        for (long attemptId : expired) {
            if (finishOne(attemptId, now)) {
                finished++;
            }
        }
        return finished;
    }

    private boolean finishOne(long attemptId, Instant now) {
        return jdbi.inTransaction(h -> {
            Attempt peek = AttemptStore.find(h, attemptId).orElse(null);
            if (peek == null || !peek.isOpen()) {
                return false;
            }
            ChatAccount account = ChatAccountStore.lockById(h, peek.chatAccountId()).orElseThrow();
            Attempt a = AttemptStore.tryLock(h, attemptId).orElse(null);
            if (a == null || !a.isOpen() || !a.isPastDeadline(now)) {
                return false;
            }
            List<String> notices = AttemptFlow.expire(h, contest.get(), a, now);
            ChatRefReplies replies = new ChatRefReplies(account);
            notices.forEach(replies::say);
            replies.say(Texts.MENU, ReadyStep.menu());
            if (account.state.isInAttempt()) {
                account.state = State.READY;
                ChatAccountStore.save(h, account);
            }
            replies.list().forEach(out -> OutboxStore.enqueue(h, out));
            return true;
        });
    }

    /** Replies to one chat outside a turn. */
    private static final class ChatRefReplies {
        private final ChatAccount account;
        private final java.util.ArrayList<Outbound> list = new java.util.ArrayList<>();

        ChatRefReplies(ChatAccount account) {
            this.account = account;
        }

        void say(String text) {
            say(text, List.of());
        }

        void say(String text, List<Choice> choices) {
            list.add(new Outbound(account.chat, text, choices, false, null, Outbound.TEXT));
        }

        List<Outbound> list() {
            return list;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
