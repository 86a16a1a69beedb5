package vn.contest.core.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** Registration answers given so far, kept on the chat until the person confirms them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Draft {
    public String fullName;
    public LocalDate birthDate;
    public String phone;
    /** How the phone was vouched for ("telegram", "zalo", "web_code"), null while only typed. */
    public String phoneVerifiedVia;
    public String idNumber;
    public Integer group;
    public Long unitId;
    /** While choosing a commune: the district whose communes are listed. */
    public Long unitParentId;
    /** A returning person (registered in another contest from this chat): their person key; identity confirmed. */
    public Long personId;

    /** Nothing given yet (or all confirmed and cleared): stored as {@code {}}. */
    public boolean isEmpty() {
        return fullName == null && birthDate == null && phone == null && phoneVerifiedVia == null && idNumber == null
                && group == null && unitId == null && unitParentId == null && personId == null;
    }
}
