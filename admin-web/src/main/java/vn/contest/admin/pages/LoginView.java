package vn.contest.admin.pages;

public record LoginView(String csrf, String error, String username) {}
