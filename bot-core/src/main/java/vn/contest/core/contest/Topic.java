package vn.contest.core.contest;

public record Topic(long id, String code, String name) {}
