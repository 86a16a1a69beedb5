package vn.contest.core.check;

import java.util.List;

/**
 * One thing an operator can check before the launch without a participant (a token, a webhook's registration,
 * a template, the database, the contest file): its result in one line, and what to do when it is not right.
 * The {@code doctor} command prints these, and the admin web's "Kiểm tra kết nối" page shows the same list.
 *
 * @param subject  what was checked, in the committee's words ("Telegram: mã bot")
 * @param status   OK, WARN (works, but look at it) or FAIL (will not work at the launch)
 * @param detail   what was found (never a secret)
 * @param whatToDo the next step when it is not OK; empty when it is
 */
public record Check(String subject, Status status, String detail, String whatToDo) {
    public enum Status {
        OK("ổn"), WARN("lưu ý"), FAIL("LỖI");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The status as the doctor's lines and the admin page show it. */
        public String label() {
            return label;
        }
    }

    public Check {
        whatToDo = whatToDo == null ? "" : whatToDo;
    }

    public static Check ok(String subject, String detail) {
        return new Check(subject, Status.OK, detail, "");
    }

    public static Check warn(String subject, String detail, String whatToDo) {
        return new Check(subject, Status.WARN, detail, whatToDo);
    }

    public static Check fail(String subject, String detail, String whatToDo) {
        return new Check(subject, Status.FAIL, detail, whatToDo);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    /** One line: status, subject, what was found, and what to do (the doctor's output). */
    public String line() {
        return "[" + status.label() + "] " + subject + ": " + detail + (whatToDo.isEmpty() ? "" : " → Cần làm: " + whatToDo);
    }

    /** Whether every check passed (warnings allowed): the doctor's exit code is 0 then, 1 otherwise. */
    public static boolean allPass(List<Check> checks) {
        return checks.stream().noneMatch(Check::failed);
    }
}
