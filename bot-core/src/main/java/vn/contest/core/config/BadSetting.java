package vn.contest.core.config;

/**
 * A setting the app cannot start with, said in one line an operator can act on: which setting, what is wrong
 * with it, and how to put it right. The app ends its start with this line and a non-zero exit, no stack trace.
 */
public final class BadSetting extends IllegalArgumentException {
    private final String setting;

    public BadSetting(String setting, String problem, String fix) {
        super(setting + ": " + problem + ". " + fix);
        this.setting = setting;
    }

    /** The environment variable (or file) at fault. */
    public String setting() {
        return setting;
    }
}
