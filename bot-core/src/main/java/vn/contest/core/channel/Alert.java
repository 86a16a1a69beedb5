package vn.contest.core.channel;

/**
 * Something an operator must act on: a stable {@code code} (what the public {@code /health} shows) and a
 * {@code text} for the administrators (shown only inside the admin web, since it may carry a platform's reply).
 */
public record Alert(String code, String text) {}
