package vn.contest.core.contest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.contest.core.config.ContestConfig;

/** One contest as the engine uses it: its rules and the database ids of its rounds, units and topics. */
public record Contest(long id, ContestConfig config, List<Round> rounds, List<Unit> units, List<Topic> topics) {
    /** How contests are listed and offered: the earliest opening first, the older contest first when two open together. */
    public static final java.util.Comparator<Contest> EARLIEST_FIRST =
            java.util.Comparator.comparing(Contest::opensAt).thenComparing(Contest::id);

    public Instant opensAt() {
        return config.opens().toInstant();
    }

    public Instant closesAt() {
        return config.closes().toInstant();
    }

    public Optional<Round> openRound(Instant now) {
        return rounds.stream().filter(r -> r.isOpen(now)).findFirst();
    }

    /** The round open now, else the last one that has begun (for results after closing). */
    public Optional<Round> currentOrLastRound(Instant now) {
        return openRound(now).or(() -> rounds.stream().filter(r -> !now.isBefore(r.opensAt())).reduce((a, b) -> b));
    }

    public Optional<Round> nextRound(Instant now) {
        return rounds.stream().filter(r -> now.isBefore(r.opensAt())).findFirst();
    }

    public Optional<Round> round(long id) {
        return rounds.stream().filter(r -> r.id() == id).findFirst();
    }

    public List<Unit> topUnits() {
        return units.stream().filter(u -> u.parentId() == null).toList();
    }

    public List<Unit> children(long unitId) {
        return units.stream().filter(u -> u.parentId() != null && u.parentId() == unitId).toList();
    }

    public Optional<Unit> unit(long id) {
        return units.stream().filter(u -> u.id() == id).findFirst();
    }

    public Optional<Unit> unitByCode(String code) {
        return units.stream().filter(u -> u.code().equalsIgnoreCase(code)).findFirst();
    }

    /** "Xã Dương Quang, Thành phố Bắc Kạn" for a commune; the name alone for a top-level unit. */
    public String unitLabel(long id) {
        Unit u = unit(id).orElseThrow();
        return u.parentId() == null ? u.name() : u.name() + ", " + unit(u.parentId()).map(Unit::name).orElse("");
    }
}
