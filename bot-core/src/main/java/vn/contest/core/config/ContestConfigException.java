package vn.contest.core.config;

import java.util.List;

/** A contest file that cannot be used, with every problem found in it. */
public final class ContestConfigException extends RuntimeException {
    private final String source;
    private final List<String> problems;

    public ContestConfigException(String source, List<String> problems) {
        super("Contest file " + source + " has " + problems.size() + " problem(s):\n - " + String.join("\n - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file, as the loader was given it. */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
