package vn.contest.core.dialogue;

/**
 * Where a chat stands. {@link DialogueTable} says what each state asks and accepts. Stored by name: a new state
 * goes anywhere in the list, but the registration states stay up to CONFIRM.
 */
public enum State {
    RETURNING, CONSENT, NAME, BIRTH_DATE, PHONE, PHONE_CODE, ID_NUMBER, GROUP, UNIT, CONFIRM, READY, ANSWERING, PREDICTING, PRACTISING;

    public boolean isRegistration() {
        return ordinal() <= CONFIRM.ordinal();
    }

    public boolean isInAttempt() {
        return this == ANSWERING || this == PREDICTING;
    }
}
