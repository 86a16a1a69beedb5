package vn.contest.core.dialogue;

import vn.contest.core.message.Choice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.DrawnQuestion;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.AttemptPolicy;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.participant.Participant;
import vn.contest.core.text.AnswerLetters;
import vn.contest.core.text.PredictionNumbers;

/**
 * A paper from start to result: the window, caps and draw at the start; answers checked against the paper's
 * own state (a stale, repeated or forged token changes nothing); the deadline kept by the server.
 */
final class AttemptFlow {
    private static final Logger log = LoggerFactory.getLogger(AttemptFlow.class);

    private AttemptFlow() {}

    static void start(Turn t) {
        Participant p = t.participant();
        ContestConfig c = t.contest.config();
        ZoneId zone = c.zone();
        if (p.isDisqualified()) {
            t.say(Texts.format(Texts.DISQUALIFIED, p.disqualifiedReason()));
            return;
        }
        Optional<String> closed = windowRefusal(t.contest, t.now);
        if (closed.isPresent()) {
            t.say(closed.get(), ReadyStep.menu());
            return;
        }
        Round round = t.contest.openRound(t.now).orElseThrow();
        AttemptStore.Counts counts = counts(t.h, t.contest, p.id(), round, t.now);
        AttemptPolicy caps = c.attempts();
        if (caps.maxPerContest() > 0 && counts.inContest() >= caps.maxPerContest()) {
            t.say(Texts.format(Texts.CAP_CONTEST, caps.maxPerContest()), ReadyStep.menu());
            return;
        }
        if (caps.maxPerRound() > 0 && counts.inRound() >= caps.maxPerRound()) {
            t.say(Texts.format(Texts.CAP_ROUND, caps.maxPerRound(), round.name()), ReadyStep.menu());
            return;
        }
        if (caps.maxPerDay() > 0 && counts.today() >= caps.maxPerDay()) {
            t.say(Texts.format(Texts.CAP_DAY, caps.maxPerDay()), ReadyStep.menu());
            return;
        }
        List<DrawnQuestion> paper = t.drawer.draw(t.h, t.contest.id(), c.paper());
        if (paper.isEmpty()) {
            log.warn("Contest {} cannot draw a paper: the bank has fewer than {} active questions", c.code(), c.paper().questions());
            t.say(Texts.BANK_NOT_READY, ReadyStep.menu());
            return;
        }
        Instant limit = t.now.plus(java.time.Duration.ofMinutes(c.paper().timeLimitMinutes()));
        Instant deadline = limit.isBefore(round.closesAt()) ? limit : round.closesAt();
        AttemptStore.create(t.h, t.contest.id(), p.id(), round.id(), t.account.id, p.group(), paper, t.now, deadline);
        t.attemptChanged();
        t.say(Texts.format(Texts.ATTEMPT_INTRO, counts.inContest() + 1, paper.size(),
                Math.max(1, java.time.Duration.between(t.now, deadline).toMinutes()), Texts.dateTime(deadline, zone)));
        t.moveTo(State.ANSWERING);
    }

    /** Why no paper can start now (before opening, between rounds, after closing), or empty when one can. */
    static Optional<String> windowRefusal(Contest contest, Instant now) {
        ZoneId zone = contest.config().zone();
        if (now.isBefore(contest.opensAt())) {
            return Optional.of(Texts.format(Texts.NOT_OPEN_YET, Texts.dateTime(contest.opensAt(), zone)));
        }
        if (!now.isBefore(contest.closesAt())) {
            return Optional.of(Texts.format(Texts.CLOSED, Texts.dateTime(contest.closesAt(), zone)));
        }
        if (contest.openRound(now).isEmpty()) {
            Optional<Round> next = contest.nextRound(now);
            return Optional.of(next.map(r -> Texts.format(Texts.BETWEEN_ROUNDS, r.name(), Texts.dateTime(r.opensAt(), zone)))
                    .orElse(Texts.format(Texts.CLOSED, Texts.dateTime(contest.closesAt(), zone))));
        }
        return Optional.empty();
    }

    static void promptQuestion(Turn t) {
        Attempt a = t.openAttempt().orElseThrow();
        PaperQuestion q = AttemptStore.question(t.h, a.id(), a.currentPosition());
        StringBuilder text = new StringBuilder(Texts.format(Texts.QUESTION, q.position() + 1, a.questionCount(),
                Texts.duration(a.remaining(t.now)), q.text())).append(options(q));
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            choices.add(new Choice(Tokens.answer(a.id(), q.position(), i), String.valueOf(AnswerLetters.letter(i))));
        }
        text.append("\n\n").append(Texts.QUESTION_TYPE_HINT);
        t.sayQuestion(text.toString(), choices, a.deadlineAt());
    }

    private static String options(PaperQuestion q) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < q.options().size(); i++) {
            text.append('\n').append(AnswerLetters.letter(i)).append(". ").append(q.options().get(i));
        }
        return text.toString();
    }

    static void answer(Turn t) {
        Attempt a = t.openAttempt().orElseThrow();
        Optional<Tokens.Answer> token = Tokens.parseAnswer(t.choice());
        if (token.isEmpty() && t.choice().isEmpty()) {
            OptionalInt typed = AnswerLetters.parse(t.text());
            if (typed.isPresent()) {
                token = Optional.of(new Tokens.Answer(a.id(), a.currentPosition(), typed.getAsInt()));
            }
        }
        PaperQuestion q = AttemptStore.question(t.h, a.id(), a.currentPosition());
        if (token.isEmpty()) {
            t.say(Texts.format(Texts.ANSWER_HINT, AnswerLetters.letter(q.options().size() - 1)));
            promptQuestion(t);
            return;
        }
        Tokens.Answer answer = token.get();
        if (answer.attemptId() != a.id() || answer.position() != a.currentPosition()) {
            t.editTapped(null);
            t.say(Texts.STALE_ANSWER);
            promptQuestion(t);
            return;
        }
        if (answer.optionIndex() >= q.options().size()) {
            t.say(Texts.format(Texts.ANSWER_HINT, AnswerLetters.letter(q.options().size() - 1)));
            promptQuestion(t);
            return;
        }
        AttemptStore.recordAnswer(t.h, a, answer.optionIndex(), t.now);
        t.attemptChanged();
        // The answered question keeps its text and shows the choice, without buttons to tap again.
        t.editTapped(Texts.format(Texts.ANSWERED, q.position() + 1, a.questionCount(), q.text())
                + options(q) + "\n\n" + Texts.format(Texts.CHOSEN, String.valueOf(AnswerLetters.letter(answer.optionIndex()))));
        t.moveTo(a.currentPosition() + 1 >= a.questionCount() ? State.PREDICTING : State.ANSWERING);
    }

    static void promptPrediction(Turn t) {
        Attempt a = t.openAttempt().orElseThrow();
        t.say(Texts.format(Texts.PREDICTION, Texts.duration(a.remaining(t.now)), t.contest.config().paper().predictionQuestion()));
    }

    static void predict(Turn t) {
        OptionalLong prediction = PredictionNumbers.parse(t.text());
        if (prediction.isEmpty()) {
            t.say(Texts.PREDICTION_HINT);
            return;
        }
        Attempt a = t.openAttempt().orElseThrow();
        Attempt finished = AttemptStore.finish(t.h, a.id(), prediction.getAsLong(), t.now, "completed");
        t.attemptChanged();
        t.say(result(t.h, t.contest, finished, t.now));
        t.account.state = State.READY;
        t.say(Texts.MENU, ReadyStep.menu());
    }

    /** Closes a paper whose time ran out (the caller holds its chat's lock) and tells its chat. */
    static List<String> expire(Handle h, Contest contest, Attempt a, Instant now) {
        Attempt finished = AttemptStore.finish(h, a.id(), a.prediction(), a.deadlineAt(), "timeout");
        return List.of(Texts.TIME_UP, result(h, contest, finished, now));
    }

    static String result(Handle h, Contest contest, Attempt a, Instant now) {
        ContestConfig c = contest.config();
        int number = AttemptStore.ordinal(h, a);
        StringBuilder text = new StringBuilder(Texts.format(Texts.RESULT, number, a.score(), a.questionCount(),
                Texts.duration(a.duration()), a.prediction() == null ? Texts.NO_PREDICTION : Texts.number(a.prediction())));
        Round round = contest.round(a.roundId()).orElseThrow();
        text.append("\n\n").append(answerKeyOrWhen(h, contest, a, round, now, number));
        int left = attemptsLeft(h, contest, a.participantId(), round, now);
        if (left >= 0) {
            text.append('\n').append(Texts.format(Texts.ATTEMPTS_LEFT, left));
        }
        text.append('\n').append(Texts.format(Texts.COUNTED, switch (c.attempts().counted()) {
            case BEST -> Texts.COUNTED_BEST;
            case FIRST -> Texts.COUNTED_FIRST;
            case LAST -> Texts.COUNTED_LAST;
        }));
        return text.toString();
    }

    /** The answer key once the rules allow it; before that, when it will be published. */
    static String answerKeyOrWhen(Handle h, Contest contest, Attempt a, Round round, Instant now, int number) {
        boolean reveal = contest.config().answers().reveal() == ContestConfig.Reveal.AFTER_ATTEMPT || round.isClosed(now);
        if (!reveal) {
            return Texts.format(Texts.ANSWERS_LATER, round.name(), Texts.dateTime(round.closesAt(), contest.config().zone()));
        }
        StringBuilder key = new StringBuilder(Texts.format(Texts.ANSWER_KEY_TITLE, number));
        for (PaperQuestion q : AttemptStore.questions(h, a.id())) {
            String mark = q.isCorrect() ? " ✓" : q.isAnswered()
                    ? " (bạn chọn " + AnswerLetters.letter(q.chosenIndex()) + ")" : " (chưa trả lời)";
            key.append('\n').append(Texts.format(Texts.ANSWER_KEY_LINE, q.position() + 1,
                    String.valueOf(AnswerLetters.letter(q.correctIndex())), mark));
        }
        return key.toString();
    }

    /** Papers started in the whole contest, in the round, and today (a day as the contest's time zone counts it). */
    private static AttemptStore.Counts counts(Handle h, Contest contest, long participantId, Round round, Instant now) {
        ZoneId zone = contest.config().zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        return AttemptStore.counts(h, participantId, round.id(),
                today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Papers this person may still start (the tightest of the caps), or -1 when nothing caps them. */
    private static int attemptsLeft(Handle h, Contest contest, long participantId, Round round, Instant now) {
        AttemptPolicy caps = contest.config().attempts();
        AttemptStore.Counts counts = counts(h, contest, participantId, round, now);
        int left = Integer.MAX_VALUE;
        if (caps.maxPerContest() > 0) {
            left = Math.min(left, caps.maxPerContest() - counts.inContest());
        }
        if (caps.maxPerRound() > 0) {
            left = Math.min(left, caps.maxPerRound() - counts.inRound());
        }
        if (caps.maxPerDay() > 0) {
            left = Math.min(left, caps.maxPerDay() - counts.today());
        }
        return left == Integer.MAX_VALUE ? -1 : Math.max(0, left);
    }
}
