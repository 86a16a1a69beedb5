package vn.contest.core.dialogue;

/** One state of the dialogue: what it asks when entered, and what it does with the person's answer. */
interface Step {
    void prompt(Turn t);

    void accept(Turn t);
}
