package vn.contest.core.testing;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Choice;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxMessage;
import vn.contest.core.outbox.OutboxStore;

/** Plays one chat against the real dialogue and reads the replies back from the real outbox. */
public final class ChatDriver {
    private final Dialogue dialogue;
    private final OutboxStore outbox;
    private final ChatRef chat;
    private long seen;
    private List<Outbound> last = List.of();

    public ChatDriver(Dialogue dialogue, OutboxStore outbox, String externalId) {
        this.dialogue = dialogue;
        this.outbox = outbox;
        this.chat = new ChatRef("test", externalId);
    }

    public ChatRef chat() {
        return chat;
    }

    public List<Outbound> send(String text) {
        return deliver(Inbound.text(chat, UUID.randomUUID().toString(), text));
    }

    public List<Outbound> tap(String token) {
        return deliver(Inbound.choice(chat, UUID.randomUUID().toString(), token));
    }

    public List<Outbound> deliver(Inbound in) {
        dialogue.handle(in);
        return replies();
    }

    /** Replies written since the last look (a sweeper's notices included). */
    public List<Outbound> replies() {
        List<OutboxMessage> rows = outbox.forChat(chat, seen, 1000);
        if (!rows.isEmpty()) {
            seen = rows.get(rows.size() - 1).id();
        }
        last = rows.stream().map(OutboxMessage::outbound).toList();
        return last;
    }

    public String text() {
        return last.stream().map(Outbound::text).collect(Collectors.joining("\n---\n"));
    }

    public List<Choice> choices() {
        return last.isEmpty() ? List.of() : last.get(last.size() - 1).choices();
    }

    /** The token of the offered button whose label contains {@code label}. */
    public String token(String label) {
        return choices().stream().filter(c -> c.label().contains(label)).map(Choice::token).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + label + "\" in " + choices()));
    }

    /** The tokens of the buttons offered last, in order: for assertions on structure, not wording. */
    public List<String> tokens() {
        return choices().stream().map(Choice::token).toList();
    }

    /** The kinds of the replies written since the last look ("text", "question", "edit"). */
    public List<String> kinds() {
        return last.stream().map(Outbound::kind).toList();
    }

    public Outbound lastQuestion() {
        return last.stream().filter(o -> o.kind().equals(Outbound.QUESTION)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no question in: " + text()));
    }

    /** Starts a paper ("thi") and answers every question "a", leaving it at the prediction question. */
    public void answerAPaper() {
        send("thi");
        for (int i = 0; i < dialogue.contest().config().paper().questions(); i++) {
            send("a");
        }
    }

    /** Registers through the whole dialogue: consent, name, birth date, phone, group, unit, confirm. */
    public void register(String name, String birthDate, String phone, int group, String unitNumber) {
        send("xin chào");
        tap(token("Đồng ý"));
        send(name);
        send(birthDate);
        send(phone);
        send(String.valueOf(group));
        send(unitNumber);
        if (text().contains("xã, phường")) {
            send("1");
        }
        tap(token("Xác nhận"));
        if (!text().contains("Đăng ký thành công")) {
            throw new AssertionError("registration did not complete: " + text());
        }
    }
}
