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
    public State state;
    public Draft draft;
    public Long referralUnitId;
    public final boolean isNew;
    /** The row as read, to tell whether a turn changed it. */
    private final Long readParticipantId;
    private final State readState;
    private final String readDraft;
    private final Long readReferralUnitId;

    public ChatAccount(Long id, long contestId, ChatRef chat, Long participantId, State state, Draft draft, Long referralUnitId, boolean isNew,
                       String draftAsRead) {
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
    }

    /** Whether this turn changed the chat (a new one: from how it starts), given its draft as it would now be written. */
    boolean changedSinceRead(String draftNow) {
        return state != readState || !java.util.Objects.equals(participantId, readParticipantId)
                || !java.util.Objects.equals(referralUnitId, readReferralUnitId) || !draftNow.equals(readDraft);
    }

    public boolean isRegistered() {
        return participantId != null;
    }
}
