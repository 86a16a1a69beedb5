package vn.contest.core.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.contest.core.attempt.Attempt;
import vn.contest.core.attempt.AttemptStore;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.contest.Round;
import vn.contest.core.message.Choice;
import vn.contest.core.ranking.RankingKey;
import vn.contest.core.ranking.RankingQuery;
import vn.contest.core.rules.AnswerKey;
import vn.contest.core.text.AnswerLetters;

/**
 * "Xem đáp án": one's counted paper, question by question (chosen option, correct option, explanation), once
 * {@link AnswerKey} allows it for that paper's round. Pages stay under {@link #PAGE_CHARS}, below Zalo's
 * 2,000-character message limit, with a "Xem tiếp" button to the next page.
 */
final class AnswerReview {
    static final int PAGE_CHARS = 1800;

    private AnswerReview() {}

    static Next show(Turn t) {
        if (!t.account.isRegistered()) {
            return t.aside(Texts.NOT_REGISTERED);
        }
        if (t.account.state().isInAttempt()) {
            return t.aside(Texts.format(Texts.REVIEW_IN_ATTEMPT, t.timeLeft()));
        }
        List<Attempt> finished = AttemptStore.finishedOf(t.h, t.account.participantId);
        Map<Long, Attempt> counted = countedByRound(t, finished);
        Map<Round, Attempt> revealed = new LinkedHashMap<>();
        for (Round r : t.contest.rounds()) {
            if (counted.containsKey(r.id()) && AnswerKey.mayShow(t.contest, r, t.now)) {
                revealed.put(r, counted.get(r.id()));
            }
        }
        if (revealed.isEmpty()) {
            Attempt last = finished.isEmpty() ? null : finished.get(finished.size() - 1);
            Round round = last == null ? null : t.contest.round(last.roundId()).orElse(null); // a round dropped from the file
            return t.aside(round == null ? Texts.NO_REVIEW : AttemptFlow.answerKeyOrWhen(t, last, round, finished.size()));
        }
        // A page token names a paper: only one of this person's revealed, counted papers is shown.
        Optional<Tokens.ReviewPage> asked = Tokens.parseReviewPage(t.choice())
                .filter(p -> revealed.values().stream().anyMatch(a -> a.id() == p.attemptId()));
        Map.Entry<Round, Attempt> shown = asked.flatMap(p -> revealed.entrySet().stream().filter(e -> e.getValue().id() == p.attemptId()).findFirst())
                .orElseGet(() -> new ArrayList<>(revealed.entrySet()).get(revealed.size() - 1));
        int from = asked.map(Tokens.ReviewPage::from).orElse(0);
        page(t, shown.getKey(), shown.getValue(), from, revealed);
        return Next.STAY;
    }

    private static void page(Turn t, Round round, Attempt a, int from, Map<Round, Attempt> revealed) {
        List<PaperQuestion> questions = AttemptStore.questions(t.h, a.id());
        int start = Math.min(Math.max(0, from), Math.max(0, questions.size() - 1));
        StringBuilder body = new StringBuilder();
        int end = start;
        while (end < questions.size()) {
            String block = block(questions.get(end));
            if (end > start && body.length() + block.length() > PAGE_CHARS - 120) {
                break;
            }
            body.append(block);
            end++;
        }
        String title = Texts.format(Texts.REVIEW_TITLE, AttemptStore.ordinal(t.h, a), round.name(), start + 1, end, questions.size());
        List<Choice> choices = new ArrayList<>();
        if (end < questions.size()) {
            choices.add(new Choice(Tokens.reviewPage(a.id(), end), Texts.format(Texts.REVIEW_MORE, end + 1)));
        } else {
            revealed.forEach((r, other) -> {
                if (other.id() != a.id()) {
                    choices.add(new Choice(Tokens.reviewPage(other.id(), 0), Texts.format(Texts.REVIEW_OTHER_ROUND, r.name())));
                }
            });
        }
        t.say(title + body, choices);
        if (end >= questions.size()) {
            t.reprompt();
        }
    }

    private static String block(PaperQuestion q) {
        String correct = option(q, q.correctIndex());
        String verdict = !q.isAnswered() ? Texts.format(Texts.REVIEW_NOT_ANSWERED, correct)
                : q.isCorrect() ? Texts.format(Texts.REVIEW_CHOSEN_RIGHT, correct)
                : Texts.format(Texts.REVIEW_CHOSEN_WRONG, option(q, q.chosenIndex()), correct);
        String explained = q.explanation() == null || q.explanation().isBlank() ? "" : Texts.format(Texts.EXPLANATION, q.explanation());
        return Texts.format(Texts.REVIEW_QUESTION, q.position() + 1, q.text(), verdict) + explained;
    }

    private static String option(PaperQuestion q, int index) {
        return Texts.option(index, q.options().get(index));
    }

    /** For each round the person finished a paper in: the paper the rules count there. */
    static Map<Long, Attempt> countedByRound(Turn t, List<Attempt> finished) {
        Map<Long, Attempt> counted = new LinkedHashMap<>();
        finished.stream().collect(Collectors.groupingBy(Attempt::roundId, LinkedHashMap::new, Collectors.toList()))
                .forEach((roundId, attempts) -> RankingKey.counted(attempts, t.contest.config().attempts().counted(),
                        RankingQuery.actualParticipants(t.h, t.contest.config(), roundId)).ifPresent(a -> counted.put(roundId, a)));
        return counted;
    }
}
