package vn.contest.core.testing;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.ChatRef;
import vn.contest.core.message.Choice;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxMessage;
import vn.contest.core.outbox.OutboxStore;

/**
 * A chat of the web channel, as its page drives the real dialogue: every message from one client address (the
 * page's request), so the limits per address apply; the replies read back from the real outbox.
 */
public final class WebChatDriver {
    private final Dialogue dialogue;
    private final OutboxStore outbox;
    private final ChatRef chat = new ChatRef(ChatRef.WEB, UUID.randomUUID().toString());
    private final String address;
    private long seen;
    private List<Outbound> last = List.of();

    public WebChatDriver(TestEngine engine, String address) {
        this.dialogue = engine.dialogue;
        this.outbox = engine.outbox;
        this.address = address;
    }

    public ChatRef chat() {
        return chat;
    }

    public WebChatDriver send(String text) {
        return deliver(Inbound.text(chat, UUID.randomUUID().toString(), text));
    }

    /** Taps the last reply's button whose label contains {@code label}. */
    public WebChatDriver tap(String label) {
        String token = last.isEmpty() ? null : last.get(last.size() - 1).choices().stream().filter(c -> c.label().contains(label))
                .map(Choice::token).findFirst().orElse(null);
        if (token == null) {
            throw new AssertionError("no button \"" + label + "\" in " + text());
        }
        return deliver(Inbound.choice(chat, UUID.randomUUID().toString(), token));
    }

    public WebChatDriver deliver(Inbound in) {
        dialogue.handle(in.from(address));
        List<OutboxMessage> rows = outbox.forChat(chat, seen, 1000);
        if (!rows.isEmpty()) {
            seen = rows.get(rows.size() - 1).id();
        }
        last = rows.stream().map(OutboxMessage::outbound).toList();
        return this;
    }

    /** The replies since the last message, joined. */
    public String text() {
        return last.stream().map(Outbound::text).collect(Collectors.joining("\n---\n"));
    }

    /** Registration up to the phone step, then the number typed (a code is asked for where one can be sent). */
    public WebChatDriver upToThePhone(String name, String phone) {
        send("xin chào");
        tap("Đồng ý");
        send(name);
        send("05/05/1985");
        return send(phone);
    }
}
