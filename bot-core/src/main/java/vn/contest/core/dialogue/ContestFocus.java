package vn.contest.core.dialogue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.StartLink;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.rules.Window;

/**
 * Which contest a message is about: the chat's current one (its focused row), unless the message asks for
 * another (a start link naming it, a tapped contest button, "cuộc thi 2"); a chat with none goes to the one
 * contest on offer, or is asked to choose among several. A chat does not leave a timed paper for another contest.
 */
final class ContestFocus {
    static final String TOKEN = "contest:";
    /** Buttons a platform shows at most in one message (Zalo's five); further contests are chosen by their number. */
    static final int MOST_BUTTONS = 5;
    private static final Pattern TYPED = Pattern.compile("^/?cuoc ?thi (\\d{1,2})$");
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,2})$");

    private ContestFocus() {}

    enum Entered { SAME, SWITCHED, REFUSED_IN_PAPER }

    sealed interface Resolution {}

    /** The contest and the chat's row in it, and how the chat came to it in this message. */
    record Chosen(Contest contest, ChatAccount account, Entered entered) implements Resolution {}

    /** A chat with no contest yet, several on offer and none asked for: they are listed. */
    record Choose(List<Contest> offered) implements Resolution {}

    /** {@code focused}: the chat's row in its current contest, locked ({@link ChatAccountStore#arrive}), if it has one. */
    static Resolution resolve(Handle h, Optional<ChatAccount> focused, List<Contest> all, List<Contest> offered, Inbound in) {
        Optional<Contest> current = focused.flatMap(a -> byId(all, a.contestId));
        Optional<Contest> asked = asked(in, all, offered, current.isEmpty());
        if (current.isPresent()) {
            ChatAccount account = focused.get();
            if (asked.isEmpty() || asked.get().id() == current.get().id()) {
                return new Chosen(current.get(), account, Entered.SAME);
            }
            if (account.state().isInAttempt()) {
                return new Chosen(current.get(), account, Entered.REFUSED_IN_PAPER);
            }
            ChatAccountStore.unfocus(h, account);
            return enter(h, asked.get(), in.chat());
        }
        if (asked.isPresent()) {
            return enter(h, asked.get(), in.chat());
        }
        if (offered.size() == 1) {
            // As with one contest: the chat is written once it has consented, not for a stranger's first message.
            return new Chosen(offered.get(0), ChatAccountStore.lockOrNew(h, offered.get(0).id(), in.chat()), Entered.SAME);
        }
        return new Choose(offered);
    }

    private static Chosen enter(Handle h, Contest contest, ChatRef chat) {
        ChatAccount account = ChatAccountStore.lockOrNew(h, contest.id(), chat);
        account.takeFocus();
        return new Chosen(contest, account, Entered.SWITCHED);
    }

    /** The contest the message asks for, if it asks for one. */
    private static Optional<Contest> asked(Inbound in, List<Contest> all, List<Contest> offered, boolean noContestYet) {
        String choice = in.choice() == null ? "" : in.choice();
        if (choice.startsWith(TOKEN)) {
            return byCode(all, choice.substring(TOKEN.length()));
        }
        if (choice.startsWith(Tokens.START_ATTEMPT_IN)) {
            return byCode(all, choice.substring(Tokens.START_ATTEMPT_IN.length()));
        }
        String text = in.text() == null ? "" : in.text().strip();
        String payload = in.startPayload();
        if (payload == null && text.toLowerCase(java.util.Locale.ROOT).startsWith("/start ")) {
            payload = text.substring(7).strip();
        }
        if (payload != null) {
            return StartLink.parse(payload, all).contest();
        }
        String folded = Turn.foldForMatching(text);
        Matcher typed = TYPED.matcher(folded);
        Matcher number = NUMBER.matcher(folded);
        String n = typed.matches() ? typed.group(1) : noContestYet && offered.size() > 1 && number.matches() ? number.group(1) : null;
        if (n != null) {
            int i = Integer.parseInt(n) - 1;
            return i >= 0 && i < offered.size() ? Optional.of(offered.get(i)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The contests on offer, numbered, with a button each (typed numbers beyond the platform's buttons). */
    static Outbound offer(ChatRef chat, String intro, List<Contest> offered, Instant now, boolean typedWithWord) {
        StringBuilder text = new StringBuilder(intro);
        List<Choice> buttons = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Contest c = offered.get(i);
            text.append('\n').append(Texts.format(Texts.CONTEST_LINE, i + 1, c.config().title(), when(c, now)));
            if (offered.size() <= MOST_BUTTONS) {
                buttons.add(new Choice(TOKEN + c.config().code(), String.valueOf(i + 1)));
            }
        }
        text.append("\n\n").append(typedWithWord ? Texts.CONTEST_CHOICE_TYPED_WORD : Texts.CONTEST_CHOICE_TYPED);
        return new Outbound(chat, text.toString(), buttons, false, null, Outbound.TEXT);
    }

    /** Where a contest stands, as its line in the list says it. */
    static String when(Contest c, Instant now) {
        ZoneId zone = c.config().zone();
        Window w = Window.at(c, now);
        if (w instanceof Window.NotOpenYet n) {
            return Texts.format(Texts.CONTEST_OPENS, Texts.dateTime(n.opensAt(), zone));
        }
        if (w instanceof Window.Closed) {
            return Texts.CONTEST_CLOSED;
        }
        return Texts.format(Texts.CONTEST_OPEN_UNTIL, Texts.dateTime(c.closesAt(), zone));
    }

    static Optional<Contest> byId(List<Contest> all, long id) {
        return all.stream().filter(c -> c.id() == id).findFirst();
    }

    private static Optional<Contest> byCode(List<Contest> all, String code) {
        return all.stream().filter(c -> c.config().code().equalsIgnoreCase(code)).findFirst();
    }
}
