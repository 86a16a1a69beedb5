package vn.contest.admin.auth;

import java.util.EnumSet;
import java.util.Set;

/** Committee roles and what each may open. */
public enum Role {
    ADMIN("Quản trị", EnumSet.allOf(Area.class), true),
    SECRETARY("Thư ký", EnumSet.of(Area.ACCOUNT, Area.DASHBOARD, Area.PARTICIPANTS, Area.RESULTS, Area.UNITS), true),
    DRAFTER("Soạn thảo", EnumSet.of(Area.ACCOUNT, Area.BANK), false),
    VIEWER("Xem", EnumSet.of(Area.ACCOUNT, Area.DASHBOARD), false);

    public final String label;
    private final Set<Area> areas;
    /** Whether the role sees phone numbers and birth dates unmasked. */
    public final boolean seesPersonalData;

    Role(String label, Set<Area> areas, boolean seesPersonalData) {
        this.label = label;
        this.areas = areas;
        this.seesPersonalData = seesPersonalData;
    }

    public boolean can(Area area) {
        return areas.contains(area);
    }

    /** Where the role lands after logging in. */
    public String home() {
        return this == DRAFTER ? "/admin/questions" : "/admin";
    }
}
