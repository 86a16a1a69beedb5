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
    public static final String PRACTICE = "cmd:practice";
    public static final String REVIEW = "cmd:review";
    public static final String REMINDERS_ON = "reminders:on";

    private static final Pattern ANSWER = Pattern.compile("ans:(\\d{1,18}):(\\d{1,3}):([A-F])");
    private static final Pattern PRACTICE_ANSWER = Pattern.compile("pra:(\\d{1,18}):(\\d{1,3}):([A-F])");
    private static final Pattern REVIEW_PAGE = Pattern.compile("review:(\\d{1,18}):(\\d{1,3})");
    private static final Pattern GROUP = Pattern.compile("group:(\\d{1,2})");
    private static final Pattern UNIT = Pattern.compile("unit:(\\d{1,18})");

    private Tokens() {}

    public record Answer(long attemptId, int position, int optionIndex) {}

    public static String answer(long attemptId, int position, int optionIndex) {
        return "ans:" + attemptId + ":" + position + ":" + (char) ('A' + optionIndex);
    }

    public static Optional<Answer> parseAnswer(String token) {
        return answerOf(ANSWER, token);
    }

    /** An answer token of either kind: the paper (or practice set), the position, the option's letter. */
    private static Optional<Answer> answerOf(Pattern kind, String token) {
        Matcher m = kind.matcher(token == null ? "" : token);
        return m.matches()
                ? Optional.of(new Answer(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).charAt(0) - 'A'))
                : Optional.empty();
    }

    /** An answer to a practice set's question: the set and position play the part of the attempt's. */
    public static String practiceAnswer(long setId, int position, int optionIndex) {
        return "pra:" + setId + ":" + position + ":" + (char) ('A' + optionIndex);
    }

    public static Optional<Answer> parsePracticeAnswer(String token) {
        return answerOf(PRACTICE_ANSWER, token);
    }

    /** One page of a paper's answer review: the paper and the first question position on the page. */
    public record ReviewPage(long attemptId, int from) {}

    public static String reviewPage(long attemptId, int from) {
        return "review:" + attemptId + ":" + from;
    }

    public static Optional<ReviewPage> parseReviewPage(String token) {
        Matcher m = REVIEW_PAGE.matcher(token == null ? "" : token);
        return m.matches() ? Optional.of(new ReviewPage(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)))) : Optional.empty();
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
