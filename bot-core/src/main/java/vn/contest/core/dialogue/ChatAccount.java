package vn.contest.core.dialogue;

import vn.contest.core.message.ChatRef;
import vn.contest.core.participant.Draft;

/** One chat on one channel, locked for the length of a turn. Mutable inside that turn only. */
public final class ChatAccount {
    /** The row's id; null for a chat seen for the first time, until it is saved. */
    public Long id;
    public final long contestId;
    public final ChatRef chat;
    public Long participantId;
    /** Where the chat stands; moved only by {@link DialogueTable}, which checks every move against the table. */
    private State state;
    public Draft draft;
    public Long referralUnitId;
    /** Whether this chat asked to be reminded before a round closes. */
    public boolean reminders;
    public final boolean isNew;
    /** Whether this is the chat's current contest (a chat has a row per contest it took part in). */
    boolean focused;
    private final boolean readFocused;
    /** The chat chose this contest in this turn: the row is written even if nothing else changed. */
    private boolean focusTaken;
    /** The row as read, to tell whether a turn changed it. */
    private final Long readParticipantId;
    private final State readState;
    private final String readDraft;
    private final Long readReferralUnitId;
    private final boolean readReminders;
    /** When the chat last wrote, as stored (refreshed at most hourly); when it wrote in this turn. */
    private final java.time.Instant lastInboundAt;
    private java.time.Instant heardAt;

    public ChatAccount(Long id, long contestId, ChatRef chat, Long participantId, State state, Draft draft, Long referralUnitId, boolean isNew,
                       String draftAsRead) {
        this(id, contestId, chat, participantId, state, draft, referralUnitId, false, null, isNew, draftAsRead);
    }

    public ChatAccount(Long id, long contestId, ChatRef chat, Long participantId, State state, Draft draft, Long referralUnitId,
                       boolean reminders, java.time.Instant lastInboundAt, boolean isNew, String draftAsRead) {
        this(id, contestId, chat, participantId, state, draft, referralUnitId, reminders, lastInboundAt, isNew, draftAsRead, true);
    }

    public ChatAccount(Long id, long contestId, ChatRef chat, Long participantId, State state, Draft draft, Long referralUnitId,
                       boolean reminders, java.time.Instant lastInboundAt, boolean isNew, String draftAsRead, boolean focused) {
        this.id = id;
        this.contestId = contestId;
        this.chat = chat;
        this.participantId = participantId;
        this.state = state;
        this.draft = draft;
        this.referralUnitId = referralUnitId;
        this.isNew = isNew;
        this.readParticipantId = participantId;
        this.readState = state;
        this.readDraft = draftAsRead;
        this.readReferralUnitId = referralUnitId;
        this.reminders = reminders;
        this.readReminders = reminders;
        this.lastInboundAt = lastInboundAt;
        this.focused = focused;
        this.readFocused = focused;
    }

    /** The person wrote in this turn, at {@code at}. */
    void heard(java.time.Instant at) {
        heardAt = at;
    }

    /**
     * When to store as the chat's last message, or null to leave it: refreshed at most hourly, so a chat that
     * writes often costs no extra write per message; a stored time that is up to an hour old only makes the
     * Zalo window look shorter than it is.
     */
    java.time.Instant inboundToStore() {
        return heardAt != null && (lastInboundAt == null || heardAt.isAfter(lastInboundAt.plus(java.time.Duration.ofHours(1))))
                ? heardAt : null;
    }

    /** Whether this turn changed the chat (a new one: from how it starts), given its draft as it would now be written. */
    boolean changedSinceRead(String draftNow) {
        return state != readState || reminders != readReminders || focused != readFocused || focusTaken || (id != null && inboundToStore() != null)
                || !java.util.Objects.equals(participantId, readParticipantId)
                || !java.util.Objects.equals(referralUnitId, readReferralUnitId) || !draftNow.equals(readDraft);
    }

    /** The chat's messages go to this contest from now on. */
    void takeFocus() {
        focused = true;
        focusTaken = true;
    }

    public State state() {
        return state;
    }

    /** Only {@link DialogueTable} calls this, after checking the move (DialogueTableTest holds it so). */
    void moveTo(State next) {
        state = next;
    }

    public boolean isRegistered() {
        return participantId != null;
    }
}
