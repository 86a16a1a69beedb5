package vn.contest.admin.auth;

/** Parts of the admin web, each opened to some roles (see {@link Role}). */
public enum Area { DASHBOARD, BANK, PARTICIPANTS, RESULTS, UNITS, BROADCAST, SETTINGS, USERS, AUDIT }
