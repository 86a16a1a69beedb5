package vn.contest.core.dialogue;

import vn.contest.core.message.ChatRef;
import vn.contest.core.participant.Draft;

/** One chat on one channel, locked for the length of a turn. Mutable inside that turn only. */
public final class ChatAccount {
    public final long id;
    public final ChatRef chat;
    public Long participantId;
    public State state;
    public Draft draft;
    public Long referralUnitId;
    public final boolean isNew;

    public ChatAccount(long id, ChatRef chat, Long participantId, State state, Draft draft, Long referralUnitId, boolean isNew) {
        this.id = id;
        this.chat = chat;
        this.participantId = participantId;
        this.state = state;
        this.draft = draft;
        this.referralUnitId = referralUnitId;
        this.isNew = isNew;
    }

    public boolean isRegistered() {
        return participantId != null;
    }
}
