package vn.contest.core.dialogue;

/** One state of the dialogue: what it asks when entered, and what it does with the person's answer. */
interface Step {
    void prompt(Turn t);

    /** Handles the person's answer; the state it returns must be one {@link DialogueTable} lets it move to. */
    Next accept(Turn t);
}
