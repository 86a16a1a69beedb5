package vn.contest.core.attempt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import java.time.Instant;
import vn.contest.core.config.ContestConfig.Paper;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.rules.AnswerKey;
import vn.contest.core.rules.PaperComposition;

/**
 * Draws a paper from the questions left for the round, as {@link PaperComposition} chooses them (the topics' quotas,
 * never two questions of one fact group, random order), with each question's options shuffled when the contest asks.
 */
public final class PaperDrawer {
    private final Random random;

    public PaperDrawer() {
        this(new SecureRandom());
    }

    public PaperDrawer(Random random) {
        this.random = random;
    }

    /** The randomness papers are drawn with (practice sets draw with it too, so tests can seed both). */
    public Random random() {
        return random;
    }

    /**
     * A paper for {@code round}: from the active questions meant for any round or for this one, leaving out
     * (when keys are shown round by round) those whose key an earlier round has shown. An empty list when
     * fewer questions (or fact groups) are left than a paper needs.
     */
    public List<DrawnQuestion> draw(Handle h, Contest contest, Round round, Instant now) {
        boolean hideShown = AnswerKey.hidesShownQuestions(contest.config());
        if (hideShown) {
            ShownKeys.record(h, contest, now);
        }
        Paper paper = contest.config().paper();
        List<PaperComposition.Candidate> pool = h.createQuery("""
                SELECT q.id, t.code, q.fact_group FROM questions q JOIN topics t ON t.id = q.topic_id
                WHERE q.contest_id = :c AND q.active AND q.purpose = 'contest' AND (q.round_code IS NULL OR q.round_code = :round)
                  AND NOT (:hideShown AND EXISTS (SELECT 1 FROM shown_keys k WHERE k.question_id = q.id))
                ORDER BY q.id""")
                .bind("c", contest.id()).bind("round", round.code()).bind("hideShown", hideShown)
                .map((rs, ctx) -> new PaperComposition.Candidate(rs.getLong("id"), rs.getString("code"), rs.getString("fact_group")))
                .list();
        List<Long> order = PaperComposition.choose(pool, paper.quotas(), paper.questions(), random);
        if (order.isEmpty()) {
            return List.of();
        }
        Map<Long, DrawnQuestion> loaded = load(h, order);
        List<DrawnQuestion> result = new ArrayList<>();
        for (Long id : order) {
            result.add(paper.shuffleOptions() ? shuffled(loaded.get(id)) : loaded.get(id));
        }
        return result;
    }

    /** Bank questions by id, options in the bank's order. */
    public static Map<Long, DrawnQuestion> load(Handle h, List<Long> ids) {
        Map<Long, DrawnQuestion> byId = new HashMap<>();
        h.createQuery("""
                SELECT q.id, q.text, q.explanation,
                       array_agg(o.text ORDER BY o.position) AS options,
                       (array_agg(o.position ORDER BY o.position) FILTER (WHERE o.correct))[1] AS correct
                FROM questions q JOIN question_options o ON o.question_id = q.id
                WHERE q.id = ANY(:ids) GROUP BY q.id""")
                .bind("ids", ids.toArray(new Long[0]))
                .map((rs, ctx) -> new DrawnQuestion(rs.getLong("id"), rs.getString("text"),
                        List.of((String[]) rs.getArray("options").getArray()), rs.getInt("correct"), rs.getString("explanation")))
                .forEach(d -> byId.put(d.questionId(), d));
        return byId;
    }

    /**
     * "Tất cả các phương án trên" or "Cả A và B" only make sense in place: such a question keeps the order
     * its authors gave it.
     */
    private static final java.util.regex.Pattern REFERS_TO_OTHERS = java.util.regex.Pattern.compile(
            "tat ca|ca hai|ca ba|ca bon|ca [a-f] va [a-f]|[a-f] va [a-f]|(phuong an|dap an|y) (nao|tren)|cac (phuong an|dap an|y) tren");

    private DrawnQuestion shuffled(DrawnQuestion q) {
        if (q.options().stream().anyMatch(o -> REFERS_TO_OTHERS.matcher(vn.contest.core.text.Folding.fold(o)).find())) {
            return q;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<String> options = order.stream().map(q.options()::get).toList();
        return new DrawnQuestion(q.questionId(), q.text(), options, order.indexOf(q.correctIndex()), q.explanation());
    }
}
