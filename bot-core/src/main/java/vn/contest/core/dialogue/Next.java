package vn.contest.core.dialogue;

/**
 * What a step decided: enter a state (and ask its question, even when it is the same state, as with the
 * next question of a paper), or {@link #STAY} where the chat is, the step having said what was needed.
 */
record Next(State state) {
    static final Next STAY = new Next(null);

    static Next to(State state) {
        return new Next(state);
    }
}
