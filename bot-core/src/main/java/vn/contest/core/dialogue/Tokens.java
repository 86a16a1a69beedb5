package vn.contest.core.dialogue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.contest.core.attempt.AnswerToken;
import vn.contest.core.attempt.Behaviour;

/**
 * Button tokens: short, ASCII (Telegram allows 64 bytes of callback data) and never trusted. An answer token
 * names its paper and position ({@link Behaviour#token}), and the paper checks both against its own state.
 */
public final class Tokens {
    public static final String CONSENT_YES = "consent:yes";
    public static final String CONSENT_NO = "consent:no";
    public static final String CONFIRM_YES = "confirm:yes";
    public static final String CONFIRM_EDIT = "confirm:edit";
    public static final String START_ATTEMPT = "attempt:start";
    /** A start button that names its contest (a reminder's): the chat moves there first, if it is elsewhere. */
    public static final String START_ATTEMPT_IN = "attempt:start:";
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
    public static final String CONTESTS = "cmd:contests";
    public static final String RETURNING_YES = "returning:yes";
    public static final String RETURNING_NO = "returning:no";

    private static final Pattern REVIEW_PAGE = Pattern.compile("review:(\\d{1,18}):(\\d{1,3})");
    private static final Pattern GROUP = Pattern.compile("group:(\\d{1,2})");
    private static final Pattern UNIT = Pattern.compile("unit:(\\d{1,18})");

    private Tokens() {}

    /** A contest paper's answer button ({@link Behaviour#CONTEST}'s form). */
    public static String answer(long attemptId, int position, int optionIndex) {
        return Behaviour.CONTEST.token(attemptId, position, optionIndex);
    }

    public static Optional<AnswerToken> parseAnswer(String token) {
        return Behaviour.CONTEST.parse(token);
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

    /** "Bắt đầu thi", plain or naming its contest. */
    public static boolean isStartAttempt(String token) {
        return START_ATTEMPT.equals(token) || token != null && token.startsWith(START_ATTEMPT_IN);
    }

    public static String startIn(String contestCode) {
        return START_ATTEMPT_IN + contestCode;
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
