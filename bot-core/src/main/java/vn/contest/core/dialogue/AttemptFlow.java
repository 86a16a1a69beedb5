package vn.contest.core.dialogue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.DrawnQuestion;
import vn.contest.core.attempt.OpenPaper;
import vn.contest.core.attempt.Paper;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.participant.Participant;
import vn.contest.core.ranking.RoundResults;
import vn.contest.core.report.ParticipationCounts;
import vn.contest.core.rules.AnswerKey;
import vn.contest.core.rules.AttemptRules;
import vn.contest.core.rules.Eligibility;
import vn.contest.core.rules.Window;
import vn.contest.core.text.AnswerLetters;

/**
 * A contest paper's start and close, as the dialogue says them: the rules ({@link Eligibility}, {@link Window},
 * {@link AttemptRules}, {@link AnswerKey}) and the {@link Paper} itself decide; this class words the decision.
 * Its questions and prediction are {@link AnsweringStep}'s and {@link PredictingStep}'s.
 */
final class AttemptFlow {
    private static final Logger log = LoggerFactory.getLogger(AttemptFlow.class);

    private AttemptFlow() {}

    static Next start(Turn t) {
        Participant p = t.participant();
        ContestConfig c = t.contest.config();
        if (p.isDisqualified()) {
            t.say(Texts.format(Texts.DISQUALIFIED, p.disqualifiedReason()));
            return Next.STAY;
        }
        if (p.isDisputed()) {
            t.say(Texts.DISPUTED, ReadyStep.menu(t));
            return Next.STAY;
        }
        if (!new Eligibility(c).mayCompete(p)) {
            t.say(Texts.EXCLUDED);
            return Next.STAY;
        }
        Window window = Window.at(t.contest, t.now);
        if (!(window instanceof Window.Open open)) {
            t.say(refusal(window, t.contest), ReadyStep.menu(t));
            return Next.STAY;
        }
        Round round = open.round();
        AttemptRules rules = new AttemptRules(c);
        AttemptRules.Counts counts = AttemptStore.counts(t.h, p.id(), round.id(), rules.today(t.now));
        Optional<AttemptRules.CapReached> cap = rules.capReached(counts);
        if (cap.isPresent()) {
            t.say(switch (cap.get().cap()) {
                case CONTEST -> Texts.format(Texts.CAP_CONTEST, cap.get().limit());
                case ROUND -> Texts.format(Texts.CAP_ROUND, cap.get().limit(), round.name());
                case DAY -> Texts.format(Texts.CAP_DAY, cap.get().limit());
            }, ReadyStep.menu(t));
            return Next.STAY;
        }
        List<DrawnQuestion> paper = t.drawer.draw(t.h, t.contest, round, t.now);
        if (paper.isEmpty()) {
            log.warn("Contest {} cannot draw a paper: the bank has fewer than {} active questions", c.code(), c.paper().questions());
            t.say(Texts.BANK_NOT_READY, ReadyStep.menu(t));
            return Next.STAY;
        }
        Instant deadline = rules.deadline(t.now, round);
        vn.contest.core.practice.PracticeStore.stopAllOf(t.h, p.id(), t.now);
        t.paperIs(Optional.of(AttemptStore.create(t.h, t.contest.id(), p.id(), round.id(), t.account.id, p.group(), paper,
                t.now, deadline)));
        t.say(Texts.format(Texts.ATTEMPT_INTRO, counts.inContest() + 1, paper.size(),
                Math.max(1, java.time.Duration.between(t.now, deadline).toMinutes()), Texts.dateTime(deadline, c.zone())));
        return Next.to(State.ANSWERING);
    }

    /** Why no paper can start now (before opening, between rounds, after closing). */
    static String refusal(Window window, Contest contest) {
        ZoneId zone = contest.config().zone();
        if (window instanceof Window.NotOpenYet w) {
            return Texts.format(Texts.NOT_OPEN_YET, Texts.dateTime(w.opensAt(), zone));
        }
        if (window instanceof Window.BetweenRounds w) {
            return Texts.format(Texts.BETWEEN_ROUNDS, w.next().name(), Texts.dateTime(w.next().opensAt(), zone));
        }
        if (window instanceof Window.Closed w) {
            return Texts.format(Texts.CLOSED, Texts.dateTime(w.closedAt(), zone));
        }
        throw new IllegalArgumentException("the contest is open");
    }

    /** Closes a paper whose time ran out (the turn holds its chat's lock) and tells the chat. */
    static void expire(Turn t) {
        OpenPaper open = t.openPaper().orElseThrow();
        Paper.Finish finish = open.paper().expiry(t.now).orElseThrow(() -> new IllegalStateException("the paper is not due"));
        t.say(Texts.TIME_UP);
        close(t, open.attempt(), finish);
    }

    /**
     * Closes the paper as it decided and, in the same transaction, updates the person's result in the round and
     * the counts; then says the result.
     */
    static void close(Turn t, Attempt a, Paper.Finish finish) {
        Attempt finished = AttemptStore.finish(t.h, a.id(), finish);
        RoundResults.record(t.h, t.contest.config().attempts().counted(), finished.roundId(), finished.participantId());
        ParticipationCounts.paperFinished(t.h, finished.participantId(), finished.finishedAt(), t.contest.config().timezone());
        t.paperIs(Optional.empty());
        t.say(result(t, finished));
    }

    private static String result(Turn t, Attempt a) {
        ContestConfig c = t.contest.config();
        int number = AttemptStore.ordinal(t.h, a);
        StringBuilder text = new StringBuilder(Texts.format(Texts.RESULT, number, a.score(), a.questionCount(),
                Texts.duration(a.duration()), a.prediction() == null ? Texts.NO_PREDICTION : Texts.number(a.prediction())));
        Round round = t.contest.round(a.roundId()).orElseThrow();
        text.append("\n\n").append(answerKeyOrWhen(t, a, round, number));
        AttemptRules rules = new AttemptRules(c);
        OptionalInt left = rules.attemptsLeft(AttemptStore.counts(t.h, a.participantId(), round.id(), rules.today(t.now)));
        if (left.isPresent()) {
            text.append('\n').append(Texts.format(Texts.ATTEMPTS_LEFT, left.getAsInt()));
        }
        text.append('\n').append(Texts.format(Texts.COUNTED, switch (c.attempts().counted()) {
            case BEST -> Texts.COUNTED_BEST;
            case FIRST -> Texts.COUNTED_FIRST;
            case LAST -> Texts.COUNTED_LAST;
        }));
        if (t.share != null) {
            // Two links: the person chooses whether the card shows the score (signed, so it cannot be made up).
            text.append("\n\n").append(Texts.format(Texts.SHARE_CARDS, t.share.participated(c.code()),
                    t.share.withScore(c.code(), a.score(), a.questionCount())));
        }
        return text.toString();
    }

    /** The answer key once the rules allow it; before that, when it will be published. */
    static String answerKeyOrWhen(Turn t, Attempt a, Round round, int number) {
        if (!AnswerKey.mayShow(t.contest, round, t.now)) {
            return t.contest.config().answers().reveal() == vn.contest.core.config.ContestConfig.Reveal.AFTER_CONTEST_CLOSES
                    ? Texts.format(Texts.ANSWERS_AFTER_CONTEST, Texts.dateTime(t.contest.closesAt(), t.contest.config().zone()))
                    : Texts.format(Texts.ANSWERS_LATER, round.name(), Texts.dateTime(round.closesAt(), t.contest.config().zone()));
        }
        StringBuilder key = new StringBuilder(Texts.format(Texts.ANSWER_KEY_TITLE, number));
        for (PaperQuestion q : AttemptStore.questions(t.h, a.id())) {
            String mark = q.isCorrect() ? " ✓" : q.isAnswered()
                    ? " (bạn chọn " + AnswerLetters.letter(q.chosenIndex()) + ")" : " (chưa trả lời)";
            key.append('\n').append(Texts.format(Texts.ANSWER_KEY_LINE, q.position() + 1,
                    String.valueOf(AnswerLetters.letter(q.correctIndex())), mark));
        }
        return key.toString();
    }
}
