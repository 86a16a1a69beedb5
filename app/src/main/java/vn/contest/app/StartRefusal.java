package vn.contest.app;

import java.util.Optional;
import vn.contest.core.config.BadSetting;
import vn.contest.core.config.ContestConfigException;

/**
 * Why the app will not start with its settings, in the one line an operator reads before anything else: what is
 * wrong, where, and how to put it right, with no stack trace. The process then ends with {@link #EXIT_CODE}.
 */
final class StartRefusal {
    /** EX_CONFIG of sysexits.h: systemd shows it as status=78/CONFIG. */
    static final int EXIT_CODE = 78;

    private StartRefusal() {}

    /** The line for a refusal of the settings or the contest file; empty for anything else (a fault, not a setting). */
    static Optional<String> line(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BadSetting bad) {
                return Optional.of("Cannot start: " + bad.getMessage());
            }
            if (c instanceof ContestConfigException contest) {
                return Optional.of("Cannot start: " + contest.source() + " has " + contest.problems().size() + " problem(s): "
                        + String.join("; ", contest.problems()) + ". Correct the contest file and start again.");
            }
        }
        return Optional.empty();
    }

    /** The line for a setting the configuration could not read, whatever module refused it. */
    static String setting(IllegalArgumentException e) {
        return line(e).orElse("Cannot start: a setting is wrong: " + e.getMessage().strip()
                + ". Correct it (the README's configuration table says what each one takes) and start again.");
    }
}
