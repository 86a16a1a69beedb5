package vn.contest.admin.auth;

public record AdminUser(long id, String username, Role role, boolean active) {}
