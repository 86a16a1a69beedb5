package vn.contest.core.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.OpenPaper;
import vn.contest.core.attempt.Paper;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.ShareLinks;
import vn.contest.core.contest.StartLink;
import vn.contest.core.participant.Participant;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxMessage;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.rules.ContestOffer;
import vn.contest.core.rules.Window;
import vn.contest.core.text.Redaction;
import vn.contest.core.verify.CodeSender;

/**
 * Handles one inbound message in one transaction: dedupe on the platform's event id, lock the chat, run one
 * turn of the dialogue ({@link DialogueTable}), save state, answers and replies (to the outbox) together.
 * When it returns, the message is safely handled and the adapter may acknowledge it. A paper whose time ran
 * out while its owner was silent is finished through the same turn ({@link #finishIfExpired}).
 */
public final class Dialogue {
    private static final Logger log = LoggerFactory.getLogger(Dialogue.class);
    public enum Outcome { HANDLED, DUPLICATE }

    private static final int MAX_TRIES = 3;

    private final Jdbi jdbi;
    private final Supplier<List<Contest>> contests;
    private final Clock clock;
    private final PaperDrawer drawer;
    private volatile CodeSender codes;
    private volatile TurnObserver observer = TurnObserver.NONE;
    private volatile Consumer<List<OutboxMessage>> committed = replies -> { };
    private volatile ShareLinks shareLinks;

    /** A dialogue on one contest whose rules do not change while it runs (tests, tools). */
    public Dialogue(Jdbi jdbi, Contest contest, Clock clock, PaperDrawer drawer) {
        this(jdbi, () -> List.of(contest), clock, drawer);
    }

    /** A dialogue on every contest as each stands at each message (see {@link vn.contest.core.contest.Contests}). */
    public Dialogue(Jdbi jdbi, Supplier<List<Contest>> contests, Clock clock, PaperDrawer drawer) {
        this.jdbi = jdbi;
        this.contests = contests;
        this.clock = clock;
        this.drawer = drawer;
    }

    /** The contest a page or tool about one contest means: the first on offer ({@link ContestOffer#primary}). */
    public Contest contest() {
        return ContestOffer.primary(contests.get(), clock.instant());
    }

    /** Every contest, as each stands now. */
    public List<Contest> contests() {
        return contests.get();
    }

    /** From now on every turn is reported to {@code observer} (metrics). */
    public void observeWith(TurnObserver observer) {
        this.observer = observer;
    }

    /** From now on a finished paper's result offers share cards under these links (PUBLIC_URL is set). */
    public void offerShareCards(ShareLinks links) {
        this.shareLinks = links;
    }

    /**
     * From now on the replies of each committed turn are handed to {@code listener} right after the commit (the
     * dispatcher sends them at once); the outbox rows stay the guarantee if it cannot.
     */
    public void afterCommit(Consumer<List<OutboxMessage>> listener) {
        this.committed = listener;
    }

    private void committed(List<OutboxMessage> replies) {
        if (replies.isEmpty()) {
            return;
        }
        try {
            committed.accept(replies);
        } catch (RuntimeException e) {
            // The rows are committed: the dispatcher's other wake-ups deliver them.
            log.warn("Handing a turn's replies to the dispatcher failed; they wait for its next look: {}",
                    Redaction.redact(e.toString()));
        }
    }

    /** From now on a phone typed on the web is proved with a one-time code sent through {@code sender}. */
    public void verifyWebPhonesWith(CodeSender sender) {
        this.codes = sender;
    }

    /**
     * What a message came to: handled or a duplicate, the replies it queued (as stored, with their ids), and what
     * the caller read in the turn's transaction ({@code also}; null when it asked nothing).
     */
    public record Handled<T>(Outcome outcome, List<OutboxMessage> replies, T also) {}

    /**
     * A read the caller needs beside the turn, made in its transaction once the turn is done, given the turn's replies
     * and the newest message the chat had been queued before them, as the replies' insert read it after the chat's lock
     * ({@link Long#MAX_VALUE} when not known): a reader of older rows that has seen that one has nothing to read.
     */
    public interface AlsoRead<T> {
        T read(Handle h, List<OutboxMessage> replies, long newestBefore);
    }

    public Outcome handle(Inbound in) {
        return handleForReplies(in, null).outcome();
    }

    /**
     * As {@link #handle}, returning the replies too, and {@code also} read on the turn's own connection: the web page
     * shows the replies and reads the older rows it has not seen without a second connection or round trip.
     */
    public <T> Handled<T> handleForReplies(Inbound in, AlsoRead<T> also) {
        if (in.eventId() == null || in.eventId().isBlank()) {
            throw new IllegalArgumentException("an inbound message needs the platform's event id");
        }
        long started = System.nanoTime();
        try {
            Handled<T> handled = turn(in, also);
            observer.turn(in.chat().channel(), handled.outcome() == Outcome.HANDLED ? "handled" : "duplicate", System.nanoTime() - started);
            return handled;
        } catch (RuntimeException e) {
            observer.turn(in.chat().channel(), "failed", System.nanoTime() - started);
            throw e;
        }
    }

    private <T> Handled<T> turn(Inbound in, AlsoRead<T> also) {
        for (int attempt = 1; ; attempt++) {
            try {
                CodeSender sender = codes;
                List<String[]> toSend = new java.util.ArrayList<>();
                List<OutboxMessage> replies = new java.util.ArrayList<>();
                List<T> read = new java.util.ArrayList<>(1);
                // READ COMMITTED is the pool's default: naming it here would cost a round trip per turn.
                Outcome outcome = jdbi.inTransaction(h -> {
                    replies.clear();
                    read.clear();
                    ChatAccountStore.Arrival arrival = ChatAccountStore.arrive(h, in.chat(), in.eventId());
                    if (!arrival.firstSeen()) {
                        read.add(also == null ? null : also.read(h, List.of(), Long.MAX_VALUE));
                        return Outcome.DUPLICATE;
                    }
                    Instant now = clock.instant();
                    List<Contest> all = contests.get();
                    List<Contest> offered = ContestOffer.offered(all, now);
                    ContestFocus.Resolution where = ContestFocus.resolve(h, arrival.focused(), all, offered, in);
                    long newestBefore = Long.MAX_VALUE;
                    if (where instanceof ContestFocus.Choose choose) {
                        OutboxStore.Queued queued = OutboxStore.enqueue(h, List.of(ContestFocus.offer(in.chat(),
                                Texts.format(Texts.CONTEST_CHOICE, choose.offered().size()), choose.offered(), now, false)), in.chat());
                        replies.addAll(queued.messages());
                        newestBefore = queued.newestBefore();
                    } else {
                        ContestFocus.Chosen chosen = (ContestFocus.Chosen) where;
                        Turn t = new Turn(h, chosen.contest(), now, chosen.account(), in, drawer, sender);
                        t.offered = offered;
                        t.share = shareLinks;
                        t.account.heard(now);
                        switch (chosen.entered()) {
                            case SAME -> play(t);
                            case SWITCHED -> entered(t);
                            case REFUSED_IN_PAPER -> t.aside(Texts.format(Texts.CONTEST_SWITCH_IN_PAPER, t.timeLeft()));
                        }
                        OutboxStore.Queued queued = close(t);
                        replies.addAll(queued.messages());
                        newestBefore = queued.newestBefore();
                        toSend.addAll(t.codesToSend());
                    }
                    // A statement of its own after the chat's lock: it sees every row committed before the lock.
                    read.add(also == null ? null : also.read(h, List.copyOf(replies), newestBefore));
                    return Outcome.HANDLED;
                });
                toSend.forEach(code -> replies.addAll(sendCode(sender, in.chat(), code[0], code[1])));
                committed(replies);
                return new Handled<>(outcome, List.copyOf(replies), read.get(0));
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException | vn.contest.core.store.Jdbc.StatementFailed e) {
                if (attempt >= MAX_TRIES || !isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Finishes a paper whose time ran out, if it still is open and out of time, with the same turn a late
     * answer would get: the chat's lock, then the paper's; the notices go to the chat the paper was taken in.
     */
    public boolean finishIfExpired(long attemptId) {
        List<OutboxMessage> replies = new java.util.ArrayList<>();
        boolean finished = jdbi.inTransaction(h -> {
            replies.clear();
            Optional<Attempt> peek = AttemptStore.find(h, attemptId);
            if (peek.isEmpty() || !peek.get().isOpen()) {
                return false;
            }
            ChatAccount account = ChatAccountStore.lockById(h, peek.get().chatAccountId()).orElseThrow();
            List<Contest> all = contests.get();
            Contest contest = ContestFocus.byId(all, account.contestId).orElseThrow();
            Turn t = new Turn(h, contest, clock.instant(), account, null, drawer, null);
            t.offered = ContestOffer.offered(all, t.now);
            t.share = shareLinks;
            if (!expireIfDue(t)) {
                return false;
            }
            replies.addAll(close(t).messages());
            return true;
        });
        committed(replies);
        return finished;
    }

    /** Sends a one-time code after its turn committed; if it cannot go, the chat is told how to go on. */
    private List<OutboxMessage> sendCode(CodeSender sender, ChatRef chat, String phone, String code) {
        boolean sent;
        try {
            sent = sender.send(phone, code);
        } catch (RuntimeException e) {
            sent = false;
        }
        if (!sent) {
            return jdbi.inTransaction(h -> OutboxStore.enqueue(h, List.of(
                    new Outbound(chat, Texts.CODE_NOT_SENT, PhoneCodeStep.choices(), false, null, Outbound.TEXT))));
        }
        return List.of();
    }

    /**
     * A reply outside the contest dialogue (for example to a group chat the bot was added to), deduplicated
     * on the event id like any message.
     */
    public Outcome notice(ChatRef chat, String eventId, String text) {
        List<OutboxMessage> replies = new java.util.ArrayList<>();
        Outcome outcome = jdbi.inTransaction(h -> {
            replies.clear();
            if (!InboundEvents.firstSeen(h, chat.channel(), eventId)) {
                return Outcome.DUPLICATE;
            }
            replies.addAll(OutboxStore.enqueue(h, List.of(new Outbound(chat, text, List.of(), false, null, Outbound.TEXT))));
            return Outcome.HANDLED;
        });
        committed(replies);
        return outcome;
    }

    /**
     * One turn: newcomers get the welcome (a person registered in another contest from this chat is asked to
     * confirm who they are); the paper is reconciled; then a command, or the state's own step.
     */
    private static void play(Turn t) {
        if (t.account.id == null && !t.account.isNew && returns(t)) {
            return;
        }
        if (t.account.isNew) {
            // Whatever a newcomer first writes, they need the welcome and the consent question first.
            welcome(t);
            return;
        }
        if (t.account.isRegistered() && expireIfDue(t)) {
            return;
        }
        Optional<Commands.Command> command = Commands.named(t);
        if (command.isPresent()) {
            DialogueTable.command(t, command.get());
            return;
        }
        if (!t.account.state().isInAttempt() && t.account.state() != State.PRACTISING
                && Window.at(t.contest, t.now) instanceof Window.Closed closed) {
            // After the contest closes, registration and the menu answer only that it is over (practice goes on),
            // and where to go next when another contest runs.
            t.say(AttemptFlow.refusal(closed, t.contest));
            List<String> next = t.offered.stream().filter(c -> c.id() != t.contest.id() && !(Window.at(c, t.now) instanceof Window.Closed))
                    .map(c -> c.config().title() + " (" + ContestFocus.when(c, t.now) + ")").toList();
            if (!next.isEmpty()) {
                t.say(Texts.format(Texts.CONTEST_NEXT, String.join("; ", next)));
            }
            return;
        }
        DialogueTable.accept(t);
    }

    /**
     * The chat has just come to this contest (a start link, a button, "cuộc thi 2"): a chat new to it gets the
     * welcome as a newcomer does; one that was here before is told where it is and asked its question again.
     */
    private static void entered(Turn t) {
        if (t.account.id == null) {
            if (!returns(t)) {
                welcome(t);
            }
            return;
        }
        if (t.account.isRegistered() && expireIfDue(t)) {
            return;
        }
        t.say(Texts.format(Texts.CONTEST_NOW, t.contest.config().title()));
        welcome(t);
    }

    /** A start link's unit is recorded (by the start command), then the chat's question is asked. */
    private static void welcome(Turn t) {
        if (Commands.isStart(t)) {
            Commands.start(t);
        } else {
            t.reprompt();
        }
    }

    /**
     * A chat new to this contest whose person registered in another contest from this chat: their identity
     * comes along, to be confirmed in one tap (a start link's unit is kept, as for a newcomer).
     */
    private static boolean returns(Turn t) {
        Optional<Long> elsewhere = ChatAccountStore.registeredElsewhere(t.h, t.account.chat, t.contest.id());
        if (elsewhere.isEmpty()) {
            return false;
        }
        Participant p = ParticipantStore.find(t.h, elsewhere.get()).orElseThrow();
        ReturningStep.fillFrom(t, p, ParticipantStore.personOf(t.h, p.id()));
        String payload = t.in == null ? null : t.in.startPayload();
        if (payload != null) {
            StartLink.unitIn(payload, t.contest).ifPresent(u -> t.account.referralUnitId = u.id());
        }
        DialogueTable.enterReturning(t);
        return true;
    }

    /**
     * The paper is the truth, not the chat's state: another channel may have started or finished it, or its
     * time may have run out. Returns true when the paper just expired (the turn is answered by that).
     */
    private static boolean expireIfDue(Turn t) {
        Optional<OpenPaper> open = t.openPaper();
        if (open.isEmpty()) {
            if (t.account.state().isInAttempt()) {
                DialogueTable.reconcile(t, State.READY, false);
            }
            return false;
        }
        Paper paper = open.get().paper();
        if (paper.isDue(t.now)) {
            AttemptFlow.expire(t);
            DialogueTable.reconcile(t, State.READY, true);
            return true;
        }
        State stage = paper.stage() == Paper.Stage.PREDICTING ? State.PREDICTING : State.ANSWERING;
        if (t.account.state() != stage) {
            DialogueTable.reconcile(t, stage, false);
        }
        return false;
    }

    /**
     * Saves what the turn changed and queues its replies, in the turn's transaction; returns them as queued, with the
     * newest message the chat had before them.
     */
    private static OutboxStore.Queued close(Turn t) {
        if (t.account.state().isInAttempt()) {
            t.openPaper().ifPresent(p -> t.stampDeadline(p.attempt().deadlineAt()));
        }
        if (t.offered.size() > 1) {
            t.tagReplies(Texts.contestTag(t.contest.config().title()));
        }
        t.placeOnTapped();
        ChatAccountStore.save(t.h, t.account);
        return OutboxStore.enqueue(t.h, t.replies(), t.account.chat);
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
