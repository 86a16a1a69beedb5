package vn.contest.admin.auth;

/**
 * Parts of the admin web, each opened to some roles (see {@link Role}). ACCOUNT is one's own password and the
 * contest switcher, open to every role; CONTESTS (the list of contests and adding one) is Quản trị's.
 */
public enum Area { ACCOUNT, DASHBOARD, BANK, PARTICIPANTS, RESULTS, UNITS, BROADCAST, SETTINGS, USERS, AUDIT, CONTESTS }
