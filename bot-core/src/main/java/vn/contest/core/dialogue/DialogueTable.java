package vn.contest.core.dialogue;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dialogue as one table: per state, what it asks, what it accepts (button or typed) and the states it
 * may move to. The commands that work in every state ({@link Commands}) declare their moves too, and so does
 * the reconciliation of a chat with its open paper. Every move of a chat goes through here and is checked:
 * one that is not declared fails loudly. {@link #markdown()} renders the tables; the README shows that
 * rendering, and a test keeps the two the same.
 */
final class DialogueTable {
    record Row(State state, Step step, String asks, String accepts, Set<State> next) {}

    private static final List<Row> ROWS = List.of(
            row(State.RETURNING, new ReturningStep(), "whether this is the person registered from this chat in another contest, "
                    + "with this contest's consent (one tap)", quoted(ReturningStep.YES) + " goes on with their identity; "
                    + quoted(ReturningStep.NO) + " registers someone new", State.GROUP, State.ID_NUMBER, State.READY, State.CONSENT),
            row(State.CONSENT, new ConsentStep(), "consent to data processing (Nghị định 13/2023/NĐ-CP) and residency",
                    quoted(ConsentStep.YES) + "; " + quoted(ConsentStep.NO) + " declines", State.NAME),
            row(State.NAME, new NameStep(), "full name", "letters, at least two words, 2-80 characters", State.BIRTH_DATE),
            row(State.BIRTH_DATE, new BirthDateStep(), "birth date",
                    "`25/08/1990`, `5-9-1961`; a real date; the minimum age on the contest's first day", State.PHONE),
            row(State.PHONE, new PhoneStep(), "mobile number",
                    "`0912 345 678`, `+84…`, a shared contact; committee refused; who gets a number held already: `PhoneClaim`; "
                            + "on the web, with ZNS configured, a typed number is sent a code",
                    State.PHONE_CODE, State.ID_NUMBER, State.GROUP, State.READY),
            row(State.PHONE_CODE, new PhoneCodeStep(), "the 6-digit code sent through Zalo (web only)",
                    "the code (5 minutes, 5 tries); " + quoted(PhoneCodeStep.RESEND) + " (3 an hour); "
                            + quoted(PhoneCodeStep.SKIP) + " goes on unverified; " + quoted(PhoneCodeStep.CHANGE),
                    State.ID_NUMBER, State.GROUP, State.READY, State.PHONE),
            row(State.ID_NUMBER, new IdNumberStep(), "CCCD (only if the contest asks)", "12 digits (or 9); committee refused",
                    State.GROUP),
            row(State.GROUP, new GroupStep(), "participant group (the contest's `groups[]`)",
                    "its number, \"nhóm 1\", its name or an alias (\"cán bộ\", \"nhân dân\")", State.UNIT),
            row(State.UNIT, new UnitStep(), "unit, then commune if it has any",
                    "its number in the list, its name, the start-link unit; " + quoted(UnitStep.BACK) + " goes back up; "
                            + "a returning person is registered here, without the summary", State.CONFIRM, State.READY, State.PHONE),
            row(State.CONFIRM, new ConfirmStep(), "the summary",
                    quoted(ConfirmStep.YES) + " registers; " + quoted(ConfirmStep.EDIT) + " starts again",
                    State.READY, State.NAME, State.PHONE),
            row(State.READY, new ReadyStep(), "what next (the menu)", quoted(ReadyStep.START) + " starts a paper; "
                    + "with the contest's `reminders`, a \"Nhận nhắc nhở\" button until the chat opts in", State.ANSWERING),
            row(State.ANSWERING, new AnsweringStep(), "the current question",
                    "a button, or `b`, `B.`, `đáp án B`, `chọn c`; one after the deadline finishes the paper",
                    State.ANSWERING, State.PREDICTING, State.READY),
            row(State.PREDICTING, new PredictingStep(), "the prediction", "`1.234`, `1,234`, `1234 người`", State.READY),
            row(State.PRACTISING, new PractisingStep(), "the current practice question (untimed, never counted)",
                    "as in ANSWERING, then the key and explanation; " + quoted(PractisingStep.STOP) + " stops; "
                            + "a start form (\"thi\", the start button) stops it and starts a paper",
                    State.PRACTISING, State.READY, State.ANSWERING));

    private static final Map<State, Row> BY_STATE = new EnumMap<>(State.class);

    static {
        ROWS.forEach(r -> BY_STATE.put(r.state(), r));
        if (BY_STATE.size() != State.values().length) {
            throw new ExceptionInInitializerError("every state needs a row in the dialogue table");
        }
    }

    /**
     * Where the reconciliation may move a chat, from any state: to the paper's stage while one is open
     * (another channel may have started it or moved it to the prediction), to READY once it finished, expired
     * or a practice set ended elsewhere.
     */
    static final Set<State> RECONCILED = new LinkedHashSet<>(List.of(State.ANSWERING, State.PREDICTING, State.READY));

    /** Where a chat new to a contest may start: its person, registered in another contest from this chat, returns. */
    static final Set<State> ENTERED = Set.of(State.RETURNING);

    private DialogueTable() {}

    /** Asks the current state's question (again). */
    static void prompt(Turn t) {
        BY_STATE.get(t.account.state()).step().prompt(t);
    }

    /** Runs the current state's step on the person's message, and makes the move it decides. */
    static void accept(Turn t) {
        Row row = BY_STATE.get(t.account.state());
        move(t, row.state() + "'s step", row.next(), row.step().accept(t));
    }

    /** Runs a command, and makes the move it decides. */
    static void command(Turn t, Commands.Command command) {
        move(t, "the command " + command.name(), command.moves(), command.run().apply(t));
    }

    /** Moves the chat to where its open paper (or practice set) says it is; {@code ask} asks that state's question. */
    static void reconcile(Turn t, State to, boolean ask) {
        move(t, "the reconciliation", RECONCILED, ask ? Next.to(to) : Next.quietly(to));
    }

    /** A chat new to this contest whose person is registered in another: they confirm who they are. */
    static void enterReturning(Turn t) {
        move(t, "entering a contest", ENTERED, Next.to(State.RETURNING));
    }

    /** The one place a chat's state is set: a move that {@code allowed} does not declare fails loudly. */
    private static void move(Turn t, String mover, Set<State> allowed, Next next) {
        if (next.state() == null) {
            return;
        }
        if (!allowed.contains(next.state())) {
            throw new IllegalStateException(mover + " may not move a chat from " + t.account.state() + " to " + next.state());
        }
        t.account.moveTo(next.state());
        if (next.ask()) {
            prompt(t);
        }
    }

    /** The dialogue table and the command table, as Markdown. */
    static String markdown() {
        StringBuilder b = new StringBuilder("| State | Asks for | Accepts (button or typed) | Next |\n|---|---|---|---|\n");
        for (Row r : ROWS) {
            b.append("| ").append(r.state()).append(" | ").append(r.asks()).append(" | ").append(r.accepts()).append(" | ")
                    .append(names(r.next())).append(" |\n");
        }
        b.append("\n| Command, in every state | Typed forms | What it does | Moves to |\n|---|---|---|---|\n");
        for (Commands.Command c : Commands.ALL) {
            b.append("| ").append(c.name()).append(" | ").append(quoted(c.forms())).append(" | ").append(c.does()).append(" | ")
                    .append(c.moves().isEmpty() ? "stays" : names(c.moves())).append(" |\n");
        }
        b.append("\nBefore the command or the step, each turn of a registered chat reconciles it with its open paper: ")
                .append("from any state to ").append(names(RECONCILED)).append(". A chat new to a contest whose person is ")
                .append("registered in another contest from this chat starts at ").append(names(ENTERED)).append(".\n");
        return b.toString();
    }

    private static Row row(State state, Step step, String asks, String accepts, State... next) {
        return new Row(state, step, asks, accepts, new LinkedHashSet<>(List.of(next))); // declared order, for the rendering
    }

    private static String names(Set<State> states) {
        return states.stream().map(State::name).collect(Collectors.joining(" or "));
    }

    private static String quoted(List<String> forms) {
        return forms.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(", "));
    }
}
