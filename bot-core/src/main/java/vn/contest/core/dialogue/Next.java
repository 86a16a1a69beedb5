package vn.contest.core.dialogue;

/**
 * What a step or a command decided: enter a state and ask its question (even the same state, as with the next
 * question of a paper), enter it {@link #quietly} (the reply said all there was to say, as after logging out),
 * or {@link #STAY} where the chat is, the step having said what was needed. {@link DialogueTable} makes the move.
 */
record Next(State state, boolean ask) {
    static final Next STAY = new Next(null, false);

    static Next to(State state) {
        return new Next(state, true);
    }

    static Next quietly(State state) {
        return new Next(state, false);
    }
}
