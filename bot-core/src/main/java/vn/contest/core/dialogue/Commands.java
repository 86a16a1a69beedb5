package vn.contest.core.dialogue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.participant.Draft;
import vn.contest.core.ranking.RankingOrder;
import vn.contest.core.ranking.RankingQuery;

/** What every state answers: help, rules (thể lệ), my results, cancel, and a start link. */
final class Commands {
    private Commands() {}

    /** Handles the message if it is a command; false leaves it to the state's own step. */
    static boolean handle(Turn t) {
        String f = t.folded();
        String choice = t.choice();
        if (t.in.startPayload() != null || f.equals("/start") || f.startsWith("/start ")) {
            start(t);
            return true;
        }
        if (f.matches("/?(help|tro giup|giup|giup do|huong dan|\\?|menu)")) {
            help(t);
            return true;
        }
        if (choice.equals(Tokens.RULES) || f.matches("/?(the ?le|xem the le|rules|thele)")) {
            String rules = t.contest.config().rules();
            t.say(rules.isBlank() ? Texts.NO_RULES : rules);
            t.reprompt();
            return true;
        }
        if (choice.equals(Tokens.RESULTS) || f.matches("/?(ket ?qua|xem ket qua|ket qua cua toi|trang thai|diem|ketqua)")) {
            results(t);
            return true;
        }
        if (f.matches("/?(huy|huy bo|thoat|cancel)")) {
            cancel(t);
            return true;
        }
        return false;
    }

    private static void start(Turn t) {
        String payload = t.in.startPayload();
        if (payload == null && t.folded().startsWith("/start ")) {
            payload = t.text().substring(7).strip();
        }
        if (payload != null && !payload.isEmpty() && payload.matches("[A-Za-z0-9_-]{1,64}") && !t.account.isRegistered()) {
            t.contest.unitByCode(payload).ifPresent(u -> t.account.referralUnitId = u.id());
        }
        if (t.account.state == State.CONSENT || t.account.state.isInAttempt() || t.account.state == State.READY) {
            t.reprompt();
        } else {
            t.say(Texts.HELP_REGISTRATION);
            t.reprompt();
        }
    }

    private static void help(Turn t) {
        if (t.account.state.isInAttempt()) {
            Attempt a = t.openAttempt().orElseThrow();
            t.say(Texts.format(Texts.HELP_ATTEMPT, Texts.duration(a.remaining(t.now))));
        } else if (t.account.state.isRegistration()) {
            t.say(Texts.HELP_REGISTRATION);
        } else {
            t.say(Texts.HELP_READY);
        }
        t.reprompt();
    }

    private static void cancel(Turn t) {
        if (t.account.state.isInAttempt()) {
            Attempt a = t.openAttempt().orElseThrow();
            t.say(Texts.format(Texts.CANNOT_CANCEL_ATTEMPT, Texts.duration(a.remaining(t.now))));
            t.reprompt();
        } else if (t.account.state.isRegistration() && t.account.state != State.CONSENT) {
            t.account.draft = new Draft();
            t.say(Texts.CANCELLED);
            t.moveTo(State.CONSENT);
        } else {
            t.say(Texts.NOTHING_TO_CANCEL);
            t.reprompt();
        }
    }

    private static void results(Turn t) {
        if (!t.account.isRegistered()) {
            t.say(Texts.NOT_REGISTERED);
            t.reprompt();
            return;
        }
        if (t.account.state.isInAttempt()) {
            t.say(Texts.format(Texts.STATUS_IN_ATTEMPT, Texts.duration(t.openAttempt().orElseThrow().remaining(t.now))));
            t.reprompt();
            return;
        }
        List<Attempt> finished = AttemptStore.finishedOf(t.h, t.account.participantId);
        if (finished.isEmpty()) {
            t.say(Texts.NO_RESULTS, ReadyStep.menu());
            return;
        }
        t.say(summary(t, finished));
        Attempt last = finished.get(finished.size() - 1);
        Round round = t.contest.round(last.roundId()).orElse(null);
        if (round != null) {
            t.say(AttemptFlow.answerKeyOrWhen(t.h, t.contest, last, round, t.now, finished.size()));
        }
        t.reprompt();
    }

    private static String summary(Turn t, List<Attempt> finished) {
        Contest contest = t.contest;
        Map<Long, List<Attempt>> byRound = finished.stream().collect(Collectors.groupingBy(Attempt::roundId));
        java.util.Set<Long> counted = new java.util.HashSet<>();
        byRound.forEach((roundId, attempts) -> RankingOrder.counted(attempts, contest.config().attempts().counted(),
                RankingQuery.actualParticipants(t.h, roundId)).ifPresent(a -> counted.add(a.id())));
        StringBuilder text = new StringBuilder(Texts.RESULTS_TITLE);
        int n = 0;
        for (Attempt a : finished) {
            n++;
            String roundName = contest.round(a.roundId()).map(Round::name).orElse("");
            text.append('\n').append(Texts.format(Texts.RESULTS_LINE, n, roundName, a.score(), a.questionCount(),
                    Texts.duration(a.duration()), counted.contains(a.id()) ? Texts.RESULTS_COUNTED : ""));
        }
        return text.toString();
    }
}
