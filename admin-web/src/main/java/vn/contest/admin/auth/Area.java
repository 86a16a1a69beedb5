package vn.contest.admin.auth;

/** Parts of the admin web, each opened to some roles (see {@link Role}). */
/** ACCOUNT is one's own password, open to every role. */
public enum Area { ACCOUNT, DASHBOARD, BANK, PARTICIPANTS, RESULTS, UNITS, BROADCAST, SETTINGS, USERS, AUDIT }
