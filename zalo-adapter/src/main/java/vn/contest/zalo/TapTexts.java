package vn.contest.zalo;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.message.Choice;

/**
 * What a Zalo button says, and the token it stands for. An "oa.query.show" button sends its payload as the
 * person's own message, shown in their chat, so the payload is words ("Câu 3: B. Sở Nội vụ") and the token stays
 * here, written as the button is sent. A tap is read back to its token by the chat and the exact words; the engine
 * then checks the token as for any channel (a stale or forged answer changes nothing). Words nobody was sent are
 * just text. The table (tap_texts, migration V14) is emptied of rows older than a week by {@code Retention}.
 */
final class TapTexts {
    /** Zalo takes at most 1,000 characters of a query button's payload. */
    static final int MAX_PAYLOAD = 1000;

    private final Jdbi jdbi;

    TapTexts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The payload a button carries: the words of its tap, within Zalo's limit. */
    static String payload(Choice choice) {
        String words = choice.words().strip();
        return words.length() > MAX_PAYLOAD ? words.substring(0, MAX_PAYLOAD - 1) + "…" : words;
    }

    /**
     * Remembers the buttons about to be sent to {@code userId}; the newest token wins for words sent again. Words of
     * their own ({@link Choice#said}, an answer's "Câu 3: B. …") last a week, so a late tap on them is refused as
     * stale; a label ("1", "Bắt đầu thi") stands for its token only while it belongs to the latest offer, because
     * people type such words too, and a "2" typed at the group question must not be read as the contest list's "2".
     */
    void remember(String userId, List<Choice> choices) {
        if (choices.isEmpty()) {
            return;
        }
        // One row per words: two buttons saying the same (two units of one name) keep the last one's token.
        java.util.Map<String, Choice> byWords = new java.util.LinkedHashMap<>();
        choices.forEach(c -> byWords.put(payload(c), c));
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM tap_texts WHERE channel = :ch AND chat_id = :chat AND NOT lasting")
                    .bind("ch", ZaloWebhook.CHANNEL).bind("chat", userId).execute();
            h.createUpdate("""
                    INSERT INTO tap_texts (channel, chat_id, said, token, lasting)
                    SELECT :ch, :chat, said, token, lasting
                    FROM unnest(CAST(:said AS text[]), CAST(:tokens AS text[]), CAST(:lasting AS boolean[])) AS t(said, token, lasting)
                    ON CONFLICT (channel, chat_id, said) DO UPDATE SET token = EXCLUDED.token, lasting = EXCLUDED.lasting,
                                                                     written_at = now()""")
                    .bind("ch", ZaloWebhook.CHANNEL).bind("chat", userId)
                    .bind("said", byWords.keySet().toArray(String[]::new))
                    .bind("tokens", byWords.values().stream().map(Choice::token).toArray(String[]::new))
                    .bind("lasting", byWords.values().stream().map(c -> c.said() != null && !c.said().isBlank()).toArray(Boolean[]::new))
                    .execute();
        });
    }

    /** The token of a button sent to {@code userId} whose words are exactly {@code text}, if there was one. */
    Optional<String> token(String userId, String text) {
        return jdbi.withHandle(h -> h.createQuery("SELECT token FROM tap_texts WHERE channel = :ch AND chat_id = :chat AND said = :said")
                .bind("ch", ZaloWebhook.CHANNEL).bind("chat", userId).bind("said", text.strip())
                .mapTo(String.class).findOne());
    }
}
