package vn.contest.core.dialogue;

import java.util.ArrayList;
import java.util.List;
import vn.contest.core.attempt.Paper;
import vn.contest.core.attempt.PaperQuestion;
import vn.contest.core.message.Choice;
import vn.contest.core.text.AnswerLetters;

/**
 * What contest papers and practice sets say alike about answering: the question with its options and buttons,
 * and the reply to an answer the {@link Paper} did not take (a hint, or a stale tap). The steps word the rest.
 */
final class PaperAnswers {
    /** How a step words its paper's question and its hint. */
    interface Wording {
        void ask(Turn t);

        String hint(Paper.NotAnOption answer);
    }

    private PaperAnswers() {}

    /** An answer the paper did not take: the hint or the stale notice, the question again, and the chat stays. */
    static Next refuse(Turn t, Paper.Answered answered, Wording wording) {
        if (answered instanceof Paper.NotAnOption hint) {
            t.say(wording.hint(hint));
        } else if (answered instanceof Paper.Stale) {
            // The tapped message loses its buttons where the platform can edit it.
            t.editTapped(null);
            t.say(Texts.STALE_ANSWER);
        } else {
            throw new IllegalArgumentException("the paper took " + answered);
        }
        wording.ask(t);
        return Next.STAY;
    }

    /** The question as a chat shows it: the step's heading with the question's text, its options and how to answer. */
    static String question(String headed, PaperQuestion q) {
        return headed + Texts.options(q.options()) + "\n\n" + Texts.QUESTION_TYPE_HINT;
    }

    /**
     * One button per option of the current question, lettered; each says in words what it answers ("Câu 3: B.
     * Sở Nội vụ"), for a platform that shows the tap as the person's own message.
     */
    static List<Choice> buttons(Paper paper) {
        List<String> tokens = paper.tokens();
        List<String> options = paper.current().options();
        List<Choice> choices = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String letter = String.valueOf(AnswerLetters.letter(i));
            choices.add(new Choice(tokens.get(i), letter, Texts.answerSaid(paper.position() + 1, letter, options.get(i))));
        }
        return choices;
    }

    /** The hint for an answer that names no option of the question. */
    static String hint(Paper.NotAnOption answer) {
        return Texts.format(Texts.ANSWER_HINT, answer.lastLetter());
    }
}
