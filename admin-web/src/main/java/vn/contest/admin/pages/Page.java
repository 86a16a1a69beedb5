package vn.contest.admin.pages;

import java.util.List;
import vn.contest.admin.auth.AdminUser;
import vn.contest.admin.auth.Area;

/**
 * What the layout needs on every page: title, who is logged in (with their role in this contest), the form token,
 * the menu entry to mark, and the contest with the others the account may switch to.
 */
public record Page(String title, AdminUser user, String csrf, String active, String contestTitle, String contestCode,
                   List<ContestChoice> contests) {
    /** A contest in the switcher. */
    public record ContestChoice(String code, String title) {}

    public Page(String title, AdminUser user, String csrf, String active, String contestTitle) {
        this(title, user, csrf, active, contestTitle, null, List.of());
    }

    public boolean can(String area) {
        return user != null && user.role().can(Area.valueOf(area));
    }
}
