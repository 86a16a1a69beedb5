package vn.contest.admin;

import java.util.function.Supplier;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Contests;
import vn.contest.core.contest.LiveContest;

/**
 * The contest a request of the admin web is about, as the guard decided it (the session's choice among the
 * contests the account may open). Every page reads its contest here, so every page, export, broadcast and
 * audit entry belongs to that one contest.
 */
public final class ContestScope implements Supplier<Contest> {
    private static final ThreadLocal<Contest> CURRENT = new ThreadLocal<>();
    private final Contests contests;

    public ContestScope(Contests contests) {
        this.contests = contests;
    }

    @Override
    public Contest get() {
        Contest c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no contest is in scope outside a guarded request");
        }
        return contests.byId(c.id()).orElse(c);
    }

    /** The contest in scope as it changes (the settings page stores new rules through it). */
    public LiveContest live() {
        return contests.live(get().id());
    }

    public Contests contests() {
        return contests;
    }

    /** The id of the contest in scope, or null outside a guarded request (a login). */
    static Long currentId() {
        Contest c = CURRENT.get();
        return c == null ? null : c.id();
    }

    void enter(Contest contest) {
        CURRENT.set(contest);
    }

    void leave() {
        CURRENT.remove();
    }
}
