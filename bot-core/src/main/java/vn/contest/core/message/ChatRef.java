package vn.contest.core.message;

/** One chat: the channel ("web", "telegram", "zalo") and the platform's id of the person in it. */
public record ChatRef(String channel, String externalId) {}
