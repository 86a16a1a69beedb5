package vn.contest.admin.pages;

import vn.contest.admin.auth.AdminUser;
import vn.contest.admin.auth.Area;

/** What the layout needs on every page: title, who is logged in, the form token, the menu entry to mark. */
public record Page(String title, AdminUser user, String csrf, String active, String contestTitle) {
    public boolean can(String area) {
        return user != null && user.role().can(Area.valueOf(area));
    }
}
