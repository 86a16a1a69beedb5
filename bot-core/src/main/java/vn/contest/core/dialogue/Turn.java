package vn.contest.core.dialogue;

import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.message.Choice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.PaperDrawer;
import vn.contest.core.contest.Contest;
import vn.contest.core.participant.Participant;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.text.Folding;

/** One inbound message being handled: the locked chat, the clock reading, and the replies decided so far. */
final class Turn {
    final Handle h;
    final Contest contest;
    final Instant now;
    final ChatAccount account;
    final Inbound in;
    final PaperDrawer drawer;
    private final List<Outbound> replies = new ArrayList<>();
    private Participant participant;
    /** The open paper as read (and locked) in this turn; re-read after the turn changes it. */
    private Optional<Attempt> openAttempt;
    private Long openAttemptOf;

    Turn(Handle h, Contest contest, Instant now, ChatAccount account, Inbound in, PaperDrawer drawer) {
        this.h = h;
        this.contest = contest;
        this.now = now;
        this.account = account;
        this.in = in;
        this.drawer = drawer;
    }

    String text() {
        return in.text() == null ? "" : in.text().strip();
    }

    /** The text folded for matching: lower case, no diacritics, trailing punctuation dropped. */
    String folded() {
        return Folding.fold(text()).replaceAll("[.!?…]+$", "").strip();
    }

    String choice() {
        return in.choice() == null ? "" : in.choice();
    }

    boolean said(String... foldedForms) {
        String f = folded();
        for (String form : foldedForms) {
            if (f.equals(form)) {
                return true;
            }
        }
        return false;
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
        if (in.sourceRef() != null) {
            replies.add(Outbound.edit(account.chat, in.sourceRef(), text));
        }
    }

    void sayQuestion(String text, List<Choice> choices, Instant deadline) {
        replies.add(new Outbound(account.chat, text, choices, false, deadline, Outbound.QUESTION));
    }

    /** Enters a state and asks its question. */
    void moveTo(State state) {
        account.state = state;
        DialogueTable.step(state).prompt(this);
    }

    /** Asks the current state's question again (after a hint, a command or a refusal). */
    void reprompt() {
        DialogueTable.step(account.state).prompt(this);
    }

    List<Outbound> replies() {
        return replies;
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

    Optional<Attempt> openAttempt() {
        if (openAttempt == null || !java.util.Objects.equals(openAttemptOf, account.participantId)) {
            openAttemptOf = account.participantId;
            openAttempt = account.participantId == null ? Optional.empty() : AttemptStore.lockOpen(h, account.participantId);
        }
        return openAttempt;
    }

    /** Call after starting, answering or finishing a paper: the next {@link #openAttempt()} reads it again. */
    void attemptChanged() {
        openAttempt = null;
    }
}
