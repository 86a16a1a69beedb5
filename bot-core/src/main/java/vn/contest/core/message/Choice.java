package vn.contest.core.message;

/** A button: the label a person sees and the short token that comes back when it is tapped. */
public record Choice(String token, String label) {}
