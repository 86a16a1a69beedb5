package vn.contest.core.dialogue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Button tokens: short, ASCII (Telegram allows 64 bytes of callback data) and never trusted: an answer token
 * names its attempt and position, and the server checks both against the paper's state.
 */
public final class Tokens {
    public static final String CONSENT_YES = "consent:yes";
    public static final String CONSENT_NO = "consent:no";
    public static final String CONFIRM_YES = "confirm:yes";
    public static final String CONFIRM_EDIT = "confirm:edit";
    public static final String START_ATTEMPT = "attempt:start";
    public static final String RULES = "cmd:rules";
    public static final String RESULTS = "cmd:results";
    public static final String UNIT_BACK = "unit:back";
    public static final String CODE_RESEND = "code:resend";
    public static final String CODE_SKIP = "code:skip";
    public static final String CODE_CHANGE = "code:change";
    public static final String LOGOUT = "cmd:logout";
    public static final String ERASE_CONFIRM = "cmd:erase";

    private static final Pattern ANSWER = Pattern.compile("ans:(\\d{1,18}):(\\d{1,3}):([A-F])");
    private static final Pattern GROUP = Pattern.compile("group:(\\d{1,2})");
    private static final Pattern UNIT = Pattern.compile("unit:(\\d{1,18})");

    private Tokens() {}

    public record Answer(long attemptId, int position, int optionIndex) {}

    public static String answer(long attemptId, int position, int optionIndex) {
        return "ans:" + attemptId + ":" + position + ":" + (char) ('A' + optionIndex);
    }

    public static Optional<Answer> parseAnswer(String token) {
        Matcher m = ANSWER.matcher(token == null ? "" : token);
        return m.matches()
                ? Optional.of(new Answer(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).charAt(0) - 'A'))
                : Optional.empty();
    }

    public static String group(int group) {
        return "group:" + group;
    }

    public static Optional<Integer> parseGroup(String token) {
        Matcher m = GROUP.matcher(token == null ? "" : token);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    public static String unit(long unitId) {
        return "unit:" + unitId;
    }

    public static Optional<Long> parseUnit(String token) {
        Matcher m = UNIT.matcher(token == null ? "" : token);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
