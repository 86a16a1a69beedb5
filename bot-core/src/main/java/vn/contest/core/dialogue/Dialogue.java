package vn.contest.core.dialogue;

import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.contest.Contest;
import vn.contest.core.outbox.OutboxStore;

/**
 * Handles one inbound message in one transaction: dedupe on the platform's event id, lock the chat, run the
 * state machine ({@link DialogueTable}), save state, answers and replies (to the outbox) together. When it
 * returns, the message is safely handled and the adapter may acknowledge it.
 */
public final class Dialogue {
    public enum Outcome { HANDLED, DUPLICATE }

    private static final int MAX_TRIES = 3;

    private final Jdbi jdbi;
    private final Supplier<Contest> contest;
    private final Clock clock;
    private final PaperDrawer drawer;

    /** A dialogue on rules that do not change while it runs (tests, tools). */
    public Dialogue(Jdbi jdbi, Contest contest, Clock clock, PaperDrawer drawer) {
        this(jdbi, () -> contest, clock, drawer);
    }

    /** A dialogue on the contest as it stands at each message (see {@link vn.contest.core.contest.LiveContest}). */
    public Dialogue(Jdbi jdbi, Supplier<Contest> contest, Clock clock, PaperDrawer drawer) {
        this.jdbi = jdbi;
        this.contest = contest;
        this.clock = clock;
        this.drawer = drawer;
    }

    public Contest contest() {
        return contest.get();
    }

    public Outcome handle(Inbound in) {
        if (in.eventId() == null || in.eventId().isBlank()) {
            throw new IllegalArgumentException("an inbound message needs the platform's event id");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                    if (!InboundEvents.firstSeen(h, in.chat().channel(), in.eventId())) {
                        return Outcome.DUPLICATE;
                    }
                    Contest rules = contest.get();
                    ChatAccount account = ChatAccountStore.lockOrCreate(h, rules.id(), in.chat());
                    Turn t = new Turn(h, rules, clock.instant(), account, in, drawer);
                    step(t);
                    if (account.state.isInAttempt()) {
                        t.openAttempt().ifPresent(a -> t.stampDeadline(a.deadlineAt()));
                    }
                    ChatAccountStore.save(h, account);
                    t.replies().forEach(out -> OutboxStore.enqueue(h, out));
                    return Outcome.HANDLED;
                });
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (attempt >= MAX_TRIES || !isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A reply outside the contest dialogue (for example to a group chat the bot was added to), deduplicated
     * on the event id like any message.
     */
    public Outcome notice(ChatRef chat, String eventId, String text) {
        return jdbi.inTransaction(h -> {
            if (!InboundEvents.firstSeen(h, chat.channel(), eventId)) {
                return Outcome.DUPLICATE;
            }
            OutboxStore.enqueue(h, new Outbound(chat, text, List.of(), false, null, Outbound.TEXT));
            return Outcome.HANDLED;
        });
    }

    private static void step(Turn t) {
        if (t.account.isNew) {
            // Whatever a newcomer first writes, they need the welcome and the consent question first.
            if (t.in.startPayload() != null || t.folded().startsWith("/start")) {
                Commands.handle(t);
            } else {
                t.reprompt();
            }
            return;
        }
        if (t.account.isRegistered() && reconcileAttempt(t)) {
            return;
        }
        if (Commands.handle(t)) {
            return;
        }
        if (!t.account.state.isInAttempt()) {
            Optional<String> closed = closedRefusal(t);
            if (closed.isPresent()) {
                t.say(closed.get());
                return;
            }
        }
        DialogueTable.step(t.account.state).accept(t);
    }

    /**
     * The paper is the truth, not the chat's state: another channel may have started or finished it, or its
     * time may have run out. Returns true when the paper just expired (the message is answered by that).
     */
    private static boolean reconcileAttempt(Turn t) {
        Optional<Attempt> open = t.openAttempt();
        if (open.isEmpty()) {
            if (t.account.state.isInAttempt()) {
                t.account.state = State.READY;
            }
            return false;
        }
        Attempt a = open.get();
        if (a.isPastDeadline(t.now)) {
            List<String> notices = AttemptFlow.expire(t.h, t.contest, a, t.now);
            t.attemptChanged();
            notices.forEach(t::say);
            t.account.state = State.READY;
            t.say(Texts.MENU, ReadyStep.menu());
            return true;
        }
        t.account.state = a.status() == Attempt.Status.PREDICTING ? State.PREDICTING : State.ANSWERING;
        return false;
    }

    /** After the contest closes, registration and the menu answer only that it is over. */
    private static Optional<String> closedRefusal(Turn t) {
        if (t.now.isBefore(t.contest.closesAt())) {
            return Optional.empty();
        }
        return Optional.of(Texts.format(Texts.CLOSED, Texts.dateTime(t.contest.closesAt(), t.contest.config().zone())));
    }

    private static boolean isRetryable(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                return "40001".equals(state) || "40P01".equals(state);
            }
        }
        return false;
    }
}
