package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.contest.core.message.ChatRef;
import vn.contest.core.participant.Draft;

/** Every move of a chat goes through the table: commands and the reconciliation are checked like a step's. No database. */
class DialogueMovesTest {
    static Turn turnIn(State state) {
        ChatAccount account = new ChatAccount(1L, 1, new ChatRef("telegram", "42"), 5L, state, new Draft(), null, false, "{}");
        return new Turn(null, null, Instant.parse("2026-03-01T02:00:00Z"), account, null, null, null);
    }

    static Commands.Command command(Set<State> moves, Next next) {
        return new Commands.Command("thử", List.of("thử"), "a test", moves, t -> true, t -> next);
    }

    @Test
    void aCommandMayMakeOnlyTheMovesItDeclares() {
        Turn t = turnIn(State.READY);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DialogueTable.command(t, command(Set.of(), Next.quietly(State.CONSENT))));
        assertTrue(refused.getMessage().contains("READY to CONSENT"), refused.getMessage());
        assertEquals(State.READY, t.account.state(), "a refused move leaves the chat where it was");

        DialogueTable.command(t, command(Set.of(State.CONSENT), Next.quietly(State.CONSENT)));
        assertEquals(State.CONSENT, t.account.state());
        assertTrue(t.replies().isEmpty(), "a quiet move asks nothing");

        DialogueTable.command(t, command(Set.of(), Next.STAY));
        assertEquals(State.CONSENT, t.account.state());
    }

    @Test
    void theReconciliationFollowsThePaperAndNothingElse() {
        Turn t = turnIn(State.PRACTISING);
        DialogueTable.reconcile(t, State.ANSWERING, false);
        assertEquals(State.ANSWERING, t.account.state());
        DialogueTable.reconcile(t, State.PREDICTING, false);
        DialogueTable.reconcile(t, State.READY, false);
        assertEquals(State.READY, t.account.state());
        assertThrows(IllegalStateException.class, () -> DialogueTable.reconcile(t, State.CONSENT, false));
        assertThrows(IllegalStateException.class, () -> DialogueTable.reconcile(t, State.PRACTISING, false));
        assertEquals(State.READY, t.account.state());
    }

    @Test
    void theCommandsDeclareTheirMoves() {
        assertEquals(Set.of(State.CONSENT), movesOf("đăng xuất"));
        assertEquals(Set.of(State.CONSENT), movesOf("xác nhận xóa dữ liệu"));
        assertEquals(Set.of(State.CONSENT, State.READY), movesOf("hủy"));
        assertEquals(Set.of(State.PRACTISING, State.READY), movesOf("luyện tập"));
        for (String stays : List.of("/start", "trợ giúp", "thể lệ", "kết quả", "xem đáp án", "nhắc nhở", "tắt nhắc nhở", "xóa dữ liệu của tôi")) {
            assertEquals(Set.of(), movesOf(stays), stays);
        }
        String table = DialogueTable.markdown();
        assertTrue(table.contains("| CONSENT |\n"), "the rendered command table shows the moves:\n" + table);
        assertTrue(table.contains("from any state to ANSWERING or PREDICTING or READY"), table);
    }

    static Set<State> movesOf(String name) {
        return Commands.ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().moves();
    }
}
