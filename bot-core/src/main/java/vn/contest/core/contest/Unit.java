package vn.contest.core.contest;

/** An agency, district or commune; {@code parentId} is null for a top-level unit. */
public record Unit(long id, String code, String name, Long parentId, int headcount) {}
