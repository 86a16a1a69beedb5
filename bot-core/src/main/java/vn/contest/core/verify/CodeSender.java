package vn.contest.core.verify;

/**
 * Sends a one-time code to a phone number, outside the dialogue's transaction (the Zalo channel does it
 * through ZNS). Implementations never log the code.
 */
public interface CodeSender {
    /** Sends {@code code} to {@code phone} (0xxxxxxxxx); false when it could not be sent. */
    boolean send(String phone, String code);

    /** What sending may cost: codes per client network and per day (each send is paid). */
    default CodeBudget budget() {
        return CodeBudget.DEFAULT;
    }
}
