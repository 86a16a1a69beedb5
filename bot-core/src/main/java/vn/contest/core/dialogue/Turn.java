package vn.contest.core.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.OpenPaper;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.contest.Contest;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.participant.Participant;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.text.Folding;
import vn.contest.core.verify.CodeSender;

/**
 * One turn of one chat, under the chat's lock: the person's message (none when the sweeper finishes a silent
 * paper), the clock reading, and the replies decided so far. The open paper is locked and read once per turn,
 * and kept up to date from what recording an answer returns.
 */
final class Turn {
    final Handle h;
    final Contest contest;
    final Instant now;
    final ChatAccount account;
    final Inbound in;
    final PaperDrawer drawer;
    private final CodeSender codes;
    /** The contests a chat is offered now ({@link vn.contest.core.rules.ContestOffer}); several: replies say which one. */
    List<Contest> offered = List.of();
    private final List<Outbound> replies = new ArrayList<>();
    private final List<String[]> codesToSend = new ArrayList<>();
    private Participant participant;
    /** Where a finished paper's share cards are, when PUBLIC_URL is set; else null. */
    vn.contest.core.contest.ShareLinks share;
    private Optional<OpenPaper> openPaper;
    private Long openPaperOf;
    private String folded;
    /** An answered tap whose question the next message may replace ({@link #answeredTapped}): its mark, its full text, where. */
    private String tappedLine;
    private String tappedAnswered;
    private int tappedAt;

    Turn(Handle h, Contest contest, Instant now, ChatAccount account, Inbound in, PaperDrawer drawer, CodeSender codes) {
        this.h = h;
        this.codes = codes;
        this.contest = contest;
        this.now = now;
        this.account = account;
        this.in = in;
        this.drawer = drawer;
    }

    String text() {
        return in == null || in.text() == null ? "" : in.text().strip();
    }

    /** The text folded for matching: lower case, no diacritics, trailing punctuation dropped (computed once). */
    String folded() {
        if (folded == null) {
            folded = foldForMatching(text());
        }
        return folded;
    }

    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = java.util.regex.Pattern.compile("[.!?…]+$");

    /** What people type, folded for matching: lower case, no diacritics, trailing punctuation dropped. */
    static String foldForMatching(String typed) {
        return TRAILING_PUNCTUATION.matcher(Folding.fold(typed)).replaceAll("").strip();
    }

    String choice() {
        return in == null || in.choice() == null ? "" : in.choice();
    }

    /** Whether the person typed one of these forms (compared folded, so diacritics and case do not matter). */
    boolean said(List<String> forms) {
        String f = folded();
        return forms.stream().anyMatch(form -> Folding.fold(form).equals(f));
    }

    void say(String text) {
        say(text, List.of());
    }

    void say(String text, List<Choice> choices) {
        replies.add(new Outbound(account.chat, text, choices, false, null, Outbound.TEXT));
    }

    void askPhone(String text) {
        replies.add(new Outbound(account.chat, text, List.of(), true, null, Outbound.TEXT));
    }

    /** Changes the message whose button was tapped, where the platform allows it (no-op elsewhere). */
    void editTapped(String text) {
        if (in != null && in.sourceRef() != null) {
            replies.add(Outbound.edit(account.chat, in.sourceRef(), text));
        }
    }

    /**
     * Marks the tapped question answered. Where it is the chat's newest message the turn's next message takes its place,
     * headed by {@code line} ({@link #placeOnTapped()}); elsewhere it is edited to {@code answered} (a no-op where the
     * platform cannot edit, which sends no tapped message's id).
     */
    void answeredTapped(String answered, String line) {
        if (in == null || in.sourceRef() == null) {
            return;
        }
        if (OutboxStore.isNewest(h, account.chat, in.sourceRef())) {
            tappedLine = line;
            tappedAnswered = answered;
            tappedAt = replies.size();
        } else {
            editTapped(answered);
        }
    }

    /**
     * Once the turn's replies are final: the message after an {@link #answeredTapped} mark takes the tapped message's
     * place, headed by the mark, when it can be shown that way (a text or a question, no phone keyboard); else the
     * tapped message is edited as usual and the next one sent as new.
     */
    void placeOnTapped() {
        if (tappedLine == null) {
            return;
        }
        Outbound next = tappedAt < replies.size() ? replies.get(tappedAt) : null;
        if (next != null && !next.isEdit() && !next.requestPhone()
                && (Outbound.QUESTION.equals(next.kind()) || Outbound.TEXT.equals(next.kind()))) {
            replies.set(tappedAt, new Outbound(next.chat(), tappedLine + "\n\n" + next.text(), next.choices(), false,
                    next.deadline(), next.kind(), in.sourceRef()));
        } else {
            replies.add(tappedAt, Outbound.edit(account.chat, in.sourceRef(), tappedAnswered));
        }
        tappedLine = null;
    }

    void sayQuestion(String text, List<Choice> choices, Instant deadline) {
        replies.add(new Outbound(account.chat, text, choices, false, deadline, Outbound.QUESTION));
    }

    /** Tells the chat it has left: the web page then forgets its cookie. */
    void loggedOut() {
        replies.add(new Outbound(account.chat, Texts.LOGGED_OUT, List.of(), false, null, Outbound.LOGOUT));
    }

    /** Asks the current state's question again (after a hint, a command or a refusal). */
    void reprompt() {
        DialogueTable.prompt(this);
    }

    /** Says something aside (a refusal, the rules, a hint), asks the current question again, and stays. */
    Next aside(String text) {
        say(text);
        reprompt();
        return Next.STAY;
    }

    /** The open paper's time left, as people read it ("3 phút 05 giây"). */
    String timeLeft() {
        return Texts.duration(openPaper().orElseThrow().paper().remaining(now));
    }

    List<Outbound> replies() {
        return replies;
    }

    /** Whether a typed phone in this chat can be proved with a one-time code (the web, with ZNS configured). */
    boolean canSendCodes() {
        return codes != null && account.chat.isWeb();
    }

    /** The sender's budget for one-time codes (only asked where {@link #canSendCodes()}). */
    vn.contest.core.verify.CodeBudget codeBudget() {
        return codes.budget();
    }

    /** A code to send once the turn is committed (never inside the transaction, never stored in clear). */
    void sendCode(String phone, String code) {
        codesToSend.add(new String[] {phone, code});
    }

    List<String[]> codesToSend() {
        return codesToSend;
    }

    /**
     * Every message of the turn (not the edits of a tapped one) starts with which contest it is about (after the
     * choice's line where it is shown in the answered question's place, {@link #placeOnTapped()}).
     */
    void tagReplies(String tag) {
        replies.replaceAll(o -> o.isEdit() ? o : new Outbound(o.chat(), tag + o.text(), o.choices(), o.requestPhone(), o.deadline(), o.kind(), o.editRef()));
    }

    /** While a paper is open every reply carries its deadline, so a page can keep its countdown. */
    void stampDeadline(Instant deadline) {
        replies.replaceAll(o -> o.deadline() != null || o.isEdit() ? o
                : new Outbound(o.chat(), o.text(), o.choices(), o.requestPhone(), deadline, o.kind(), o.editRef()));
    }

    Participant participant() {
        if (participant == null && account.participantId != null) {
            participant = ParticipantStore.find(h, account.participantId).orElseThrow();
        }
        return participant;
    }

    /** The person's open paper, locked: read on first use in the turn (and again if the chat's person changed). */
    Optional<OpenPaper> openPaper() {
        if (openPaper == null || !java.util.Objects.equals(openPaperOf, account.participantId)) {
            openPaperOf = account.participantId;
            openPaper = account.participantId == null ? Optional.empty() : AttemptStore.lockOpen(h, account.participantId);
        }
        return openPaper;
    }

    /** After starting, answering or finishing a paper: the paper as it now stands (empty once finished). */
    void paperIs(Optional<OpenPaper> paper) {
        openPaperOf = account.participantId;
        openPaper = paper;
    }
}
