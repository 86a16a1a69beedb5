package vn.contest.core.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.contest.StartLink;
import vn.contest.core.message.ChatRef;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.participant.Draft;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.rules.AnswerKey;
import vn.contest.core.text.Folding;

/** What every state answers, listed once: a start link, help, the rules (thể lệ), my results, cancel. */
final class Commands {
    /**
     * A command: the forms shown for it, what it does, the states it may move a chat to (checked by
     * {@link DialogueTable} like a step's moves; empty: it never moves the chat), when it applies, and its run.
     */
    record Command(String name, List<String> forms, String does, Set<State> moves, Predicate<Turn> matches, Function<Turn, Next> run) {}

    private static final Set<State> STAYS = Set.of();

    static final List<Command> ALL = List.of(
            new Command("/start", List.of("/start", "/start CODE"), "a start link (a Telegram deep link, the web page's "
                    + "?unit=CODE): records the unit CODE names, then asks the current question again", STAYS, Commands::isStart, Commands::start),
            typed("trợ giúp", List.of("trợ giúp", "giúp", "giúp đỡ", "hướng dẫn", "help", "menu"), null,
                    "explains the current step, then asks its question again", STAYS, Commands::help),
            typed("thể lệ", List.of("thể lệ", "xem thể lệ", "thele", "rules"), Tokens.RULES,
                    "the contest's rules, then the current question again", STAYS, Commands::rules),
            typed("kết quả", List.of("kết quả", "ketqua", "xem kết quả", "kết quả của tôi", "trạng thái", "điểm"), Tokens.RESULTS,
                    "one's finished papers, the counted one marked, and the answer key once it may be shown", STAYS, Commands::results),
            typed("luyện tập", List.of("luyện tập", "luyentap", "thi thử", "ôn tập", "practice"), Tokens.PRACTICE,
                    "a practice set (registered, outside a timed paper, also before and after the contest): the key and the "
                            + "explanation after each answer; counts nowhere", moves(State.PRACTISING, State.READY), PractisingStep::start),
            review(List.of("xem đáp án", "đáp án", "dapan", "xem lại bài thi")),
            typed("nhắc nhở", List.of("nhắc nhở", "bật nhắc nhở", "nhận nhắc nhở"), Tokens.REMINDERS_ON,
                    "this chat gets the contest's reminders before a round closes", STAYS, t -> reminders(t, true)),
            typed("tắt nhắc nhở", List.of("tắt nhắc nhở", "không nhắc nữa", "hủy nhắc nhở"), null,
                    "this chat gets no more reminders", STAYS, t -> reminders(t, false)),
            typed("cuộc thi khác", List.of("cuộc thi khác", "cuocthi", "đổi cuộc thi", "chọn cuộc thi", "các cuộc thi"), Tokens.CONTESTS,
                    "lists the contests on offer, each with a button (\"cuộc thi 2\" typed); choosing one moves the chat there; "
                            + "not while a paper is timed", STAYS, Commands::otherContests),
            typed("hủy", List.of("hủy", "hủy bỏ", "thoát", "cancel"), null,
                    "during registration: forgets the answers and goes back to CONSENT; stops a practice set; "
                            + "a timed paper cannot be cancelled", moves(State.CONSENT, State.READY), Commands::cancel),
            typed("đăng xuất", List.of("đăng xuất", "dang xuat", "logout"), Tokens.LOGOUT,
                    "leaves this chat (for a shared computer): it no longer acts for the person and its history is erased; "
                            + "the web page forgets its cookie; not while a paper is timed", moves(State.CONSENT), Commands::logout),
            typed("xóa dữ liệu của tôi", List.of("xóa dữ liệu của tôi", "xóa dữ liệu", "xóa thông tin của tôi"), null,
                    "explains what erasing means and offers \"Xác nhận xóa dữ liệu\"", STAYS, Commands::askErase),
            typed("xác nhận xóa dữ liệu", List.of("xác nhận xóa dữ liệu", "xác nhận xóa"), Tokens.ERASE_CONFIRM,
                    "withdraws the person and erases their name, birth date, phone and ID number in every contest, then leaves "
                            + "the chat as đăng xuất does; not while a paper is timed", moves(State.CONSENT), Commands::erase));

    private static Set<State> moves(State... states) {
        return new java.util.LinkedHashSet<>(List.of(states)); // declared order, for the rendering
    }

    /** A command run by one of its typed forms (folded, with or without a leading "/") or by its button token. */
    private static Command typed(String name, List<String> forms, String token, String does, Set<State> moves, Function<Turn, Next> run) {
        Set<String> folded = forms.stream().map(Folding::fold).collect(Collectors.toUnmodifiableSet());
        Predicate<Turn> matches = t -> {
            String said = t.folded();
            return (token != null && token.equals(t.choice())) || folded.contains(said.startsWith("/") ? said.substring(1) : said);
        };
        return new Command(name, forms, does, moves, matches, run);
    }

    /** "Xem đáp án", typed or tapped, and its "Xem tiếp" pages. */
    private static Command review(List<String> forms) {
        Command typed = typed("xem đáp án", forms, Tokens.REVIEW, "", STAYS, AnswerReview::show);
        return new Command(typed.name(), forms, "one's counted paper question by question (chosen and correct option, "
                + "explanation) once `answers.reveal` allows; pages of at most " + AnswerReview.PAGE_CHARS + " characters, "
                + "\"Xem tiếp\" for the next", STAYS, t -> typed.matches().test(t) || Tokens.parseReviewPage(t.choice()).isPresent(), typed.run());
    }

    private static Next reminders(Turn t, boolean on) {
        if (!t.account.isRegistered()) {
            return t.aside(Texts.NOT_REGISTERED_REMINDERS);
        }
        if (on && !t.contest.config().reminders().any()) {
            t.say(Texts.REMINDERS_NONE);
        } else {
            t.account.reminders = on;
            if (!on) {
                OutboxStore.dropQueuedReminders(t.h, t.account.chat);
            }
            t.say(on ? Texts.REMINDERS_ON : Texts.REMINDERS_OFF);
        }
        t.reprompt();
        return Next.STAY;
    }

    private Commands() {}

    /** The command the message names, if it names one; empty leaves it to the state's own step. */
    static Optional<Command> named(Turn t) {
        return ALL.stream().filter(c -> c.matches().test(t)).findFirst();
    }

    /** A start link's payload, "/start" or "/start CODE". */
    static boolean isStart(Turn t) {
        return (t.in != null && t.in.startPayload() != null) || t.folded().equals("/start") || t.folded().startsWith("/start ");
    }

    static Next start(Turn t) {
        String payload = t.in.startPayload();
        if (payload == null && t.folded().startsWith("/start ")) {
            payload = t.text().substring(7).strip();
        }
        if (payload != null && !payload.isEmpty() && payload.matches("[A-Za-z0-9_-]{1,64}") && !t.account.isRegistered()) {
            StartLink.unitIn(payload, t.contest).ifPresent(u -> t.account.referralUnitId = u.id());
        }
        if (t.account.state().isRegistration() && t.account.state() != State.CONSENT) {
            t.say(Texts.HELP_REGISTRATION);
        }
        t.reprompt();
        return Next.STAY;
    }

    private static Next help(Turn t) {
        if (t.account.state().isInAttempt()) {
            t.say(Texts.format(Texts.HELP_ATTEMPT, t.timeLeft()));
        } else if (t.account.state().isRegistration()) {
            t.say(Texts.HELP_REGISTRATION);
        } else if (t.account.state() == State.PRACTISING) {
            t.say(Texts.HELP_PRACTICE);
        } else {
            t.say(Texts.HELP_READY);
        }
        t.reprompt();
        return Next.STAY;
    }

    /** The contests on offer, this one marked; choosing is ContestFocus's (a button or "cuộc thi 2"). */
    private static Next otherContests(Turn t) {
        if (t.account.state().isInAttempt()) {
            return t.aside(Texts.format(Texts.CONTEST_SWITCH_IN_PAPER, t.timeLeft()));
        }
        int here = t.offered.stream().map(Contest::id).toList().indexOf(t.contest.id());
        if (t.offered.isEmpty() || t.offered.size() == 1 && here == 0) {
            return t.aside(Texts.format(Texts.CONTEST_ONLY_ONE, t.contest.config().title()));
        }
        t.replies().add(ContestFocus.offer(t.account.chat, here < 0 ? Texts.format(Texts.CONTEST_CHOICE, t.offered.size())
                : Texts.format(Texts.CONTEST_OTHERS, here + 1), t.offered, t.now, true));
        return Next.STAY;
    }

    private static Next rules(Turn t) {
        String rules = t.contest.config().rules();
        return t.aside(rules.isBlank() ? Texts.NO_RULES : rules);
    }

    private static Next cancel(Turn t) {
        if (t.account.state().isInAttempt()) {
            return t.aside(Texts.format(Texts.CANNOT_CANCEL_ATTEMPT, t.timeLeft()));
        }
        if (t.account.state() == State.PRACTISING) {
            PractisingStep.stop(t);
            return Next.to(State.READY);
        }
        if (t.account.state().isRegistration() && t.account.state() != State.CONSENT) {
            t.account.draft = new Draft();
            t.say(Texts.CANCELLED);
            return Next.to(State.CONSENT);
        }
        return t.aside(Texts.NOTHING_TO_CANCEL);
    }

    private static Next logout(Turn t) {
        if (refusedDuringPaper(t)) {
            return Next.STAY;
        }
        // The chat's one-time codes stay (hashed) until they age out: deleting them would reset the hourly limits.
        OutboxStore.forget(t.h, t.account.chat);
        startOver(t);
        t.loggedOut();
        return Next.quietly(State.CONSENT);
    }

    /** Leaving is not allowed while a paper is timed: says so and asks the question again. */
    private static boolean refusedDuringPaper(Turn t) {
        if (!t.account.state().isInAttempt()) {
            return false;
        }
        t.say(Texts.format(Texts.CANNOT_LOGOUT_IN_ATTEMPT, t.timeLeft()));
        t.reprompt();
        return true;
    }

    /** The chat no longer acts for anyone (a practice set in it ends); the command then moves it to consent. */
    private static void startOver(Turn t) {
        if (t.account.id != null) {
            vn.contest.core.practice.PracticeStore.stop(t.h, t.account.id, t.now);
        }
        t.account.participantId = null;
        t.account.referralUnitId = null;
        t.account.reminders = false;
        t.account.draft = new Draft();
    }

    private static Next askErase(Turn t) {
        t.say(t.account.isRegistered() ? Texts.ERASE_WARNING : Texts.NOT_REGISTERED,
                t.account.isRegistered() ? List.of(new vn.contest.core.message.Choice(Tokens.ERASE_CONFIRM, Texts.ERASE_BUTTON)) : List.of());
        if (!t.account.isRegistered()) {
            t.reprompt();
        }
        return Next.STAY;
    }

    private static Next erase(Turn t) {
        if (!t.account.isRegistered()) {
            return t.aside(Texts.NOT_REGISTERED);
        }
        if (refusedDuringPaper(t)) {
            return Next.STAY;
        }
        // The person everywhere: their row in every contest, and every chat of theirs forgets them, not only this one.
        long person = ParticipantStore.personOf(t.h, t.account.participantId);
        for (long participant : ParticipantStore.rowsOfPerson(t.h, person)) {
            ParticipantStore.erase(t.h, participant, t.now);
            for (ChatRef other : ChatAccountStore.detachAll(t.h, participant)) {
                OutboxStore.forget(t.h, other);
            }
        }
        startOver(t);
        t.say(Texts.ERASED);
        return Next.quietly(State.CONSENT);
    }

    private static Next results(Turn t) {
        if (!t.account.isRegistered()) {
            return t.aside(Texts.NOT_REGISTERED);
        }
        if (t.account.state().isInAttempt()) {
            return t.aside(Texts.format(Texts.STATUS_IN_ATTEMPT, t.timeLeft()));
        }
        List<Attempt> finished = AttemptStore.finishedOf(t.h, t.account.participantId);
        if (finished.isEmpty()) {
            t.say(Texts.NO_RESULTS, ReadyStep.menu(t));
            return Next.STAY;
        }
        t.say(summary(t, finished));
        Attempt last = finished.get(finished.size() - 1);
        Round round = t.contest.round(last.roundId()).orElse(null);
        if (round != null) {
            t.say(AttemptFlow.answerKeyOrWhen(t, last, round, finished.size()), AnswerKey.mayShow(t.contest, round, t.now)
                    ? List.of(new vn.contest.core.message.Choice(Tokens.REVIEW, Texts.REVIEW_BUTTON)) : List.of());
        }
        t.reprompt();
        return Next.STAY;
    }

    private static String summary(Turn t, List<Attempt> finished) {
        Contest contest = t.contest;
        Set<Long> counted = AnswerReview.countedByRound(t, finished).values().stream().map(Attempt::id).collect(Collectors.toSet());
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
