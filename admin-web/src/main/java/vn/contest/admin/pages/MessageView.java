package vn.contest.admin.pages;

/** A short page: a refusal or a notice, with a way back. */
public record MessageView(String title, String message, String back) {}
