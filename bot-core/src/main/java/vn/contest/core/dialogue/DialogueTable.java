package vn.contest.core.dialogue;

import java.util.EnumMap;
import java.util.Map;

/**
 * The dialogue as one table. Every state also answers the commands in {@link Commands} (help, rules,
 * results, cancel, start), and typed text works wherever a button is offered.
 *
 * <pre>
 * state       asks for                         accepts (button or typed)                 next
 * CONSENT     consent to data processing       "Đồng ý" / "đồng ý", "có", "ok"          NAME
 * NAME        full name                        2-80 letters, at least two words           BIRTH_DATE
 * BIRTH_DATE  birth date                       dd/mm/yyyy; age >= minimum on day one     PHONE
 * PHONE       mobile number                    0912 345 678, +84..., shared contact       ID_NUMBER or GROUP
 * ID_NUMBER   CCCD (only if the contest asks)  12 digits (or 9)                           GROUP
 * GROUP       participant group                1 / 2, "cán bộ", "nhân dân"                UNIT
 * UNIT        unit, then commune if any        its number in the list, or its name        CONFIRM
 * CONFIRM     check the summary                "Xác nhận" / "Sửa lại"                     READY or NAME
 * READY       what next                        "Bắt đầu thi" / "thi"                      ANSWERING
 * ANSWERING   the current question             an answer button, or "b", "B.", "đáp án B" ANSWERING or PREDICTING
 * PREDICTING  the prediction question          a whole number: "1.234", "1234 người"     READY (with the result)
 * </pre>
 */
final class DialogueTable {
    private static final Map<State, Step> STEPS = new EnumMap<>(State.class);

    static {
        STEPS.put(State.CONSENT, new ConsentStep());
        STEPS.put(State.NAME, new NameStep());
        STEPS.put(State.BIRTH_DATE, new BirthDateStep());
        STEPS.put(State.PHONE, new PhoneStep());
        STEPS.put(State.ID_NUMBER, new IdNumberStep());
        STEPS.put(State.GROUP, new GroupStep());
        STEPS.put(State.UNIT, new UnitStep());
        STEPS.put(State.CONFIRM, new ConfirmStep());
        STEPS.put(State.READY, new ReadyStep());
        STEPS.put(State.ANSWERING, new AnsweringStep());
        STEPS.put(State.PREDICTING, new PredictingStep());
    }

    private DialogueTable() {}

    static Step step(State state) {
        return STEPS.get(state);
    }
}
