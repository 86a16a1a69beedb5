package vn.contest.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParsersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0912345678|0912345678", "0912 345 678|0912345678", "0912.345.678|0912345678", "+84 912 345 678|0912345678",
            "84912345678|0912345678", "912345678|0912345678", "(+84) 35-123-4567|0351234567", "0861234567|0861234567"})
    void normalisesVietnameseMobiles(String typed, String expected) {
        assertEquals(Optional.of(expected), PhoneNumbers.normalize(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "0212345678", "091234567", "09123456789", "0912abc678", "số của tôi", "+1 415 555 0100"})
    void refusesWhatIsNotAVietnameseMobile(String typed) {
        assertTrue(PhoneNumbers.normalize(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"25/08/1990|1990-08-25", "5/9/1961|1961-09-05", "05-09-1961|1961-09-05",
            "29.02.2000|2000-02-29", " 1 / 1 / 2000 |2000-01-01"})
    void readsBirthDates(String typed, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), BirthDates.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/1990", "29/02/2001", "00/01/1990", "12/13/1990", "1990-08-25", "25/08/90", "hôm qua"})
    void refusesImpossibleOrMalformedDates(String typed) {
        assertTrue(BirthDates.parse(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"b|1", "B|1", "B.|1", "b)|1", "đáp án B|1", "Đáp án: c|2", "dap an d|3",
            "chọn A|0", "Phương án F|5", " c |2", "Trả lời: b|1"})
    void readsTypedAnswerLetters(String typed, int index) {
        assertEquals(OptionalInt.of(index), AnswerLetters.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "g", "bc", "đáp án", "1", "ab.", "tôi chọn b vì"})
    void ignoresWhatIsNotOneLetter(String typed) {
        assertTrue(AnswerLetters.parse(typed).isEmpty(), typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1234|1234", "1.234|1234", "1,234|1234", "1 234|1234", "1234 người|1234",
            "12.500.000|12500000", "khoảng 800|800", "0|0"})
    void readsPredictions(String typed, long expected) {
        assertEquals(OptionalLong.of(expected), PredictionNumbers.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mười hai", "-5", "1,5", "12.34", "999999999999", "1e6"})
    void refusesWhatIsNotAWholeCount(String typed) {
        assertTrue(PredictionNumbers.parse(typed).isEmpty(), typed);
    }

    @org.junit.jupiter.api.Test
    void splitsLongTextAtLineBreaksThenSpaces() {
        assertEquals(java.util.List.of("ab"), TextSplitter.split("ab", 5));
        assertEquals(java.util.List.of("một hai", "ba bốn"), TextSplitter.split("một hai\nba bốn", 9));
        assertEquals(java.util.List.of("một hai", "ba"), TextSplitter.split("một hai ba", 7));
        assertEquals(java.util.List.of("một", "hai ba"), TextSplitter.split("một hai ba", 6));
        assertEquals(java.util.List.of("abcde", "fgh"), TextSplitter.split("abcdefgh", 5));
        assertTrue(TextSplitter.split("x".repeat(3000), 2000).stream().allMatch(p -> p.length() <= 2000));
    }

    @org.junit.jupiter.api.Test
    void redactsNumbersAndDatesFromLogText() {
        assertEquals("Key (phone)=(<number>) already exists; born <date>",
                Redaction.redact("Key (phone)=(0912 345 678) already exists; born 05/09/1961"));
        assertEquals("Key (full_name, unit_id)=(<value>) already exists; input <text> is wrong",
                Redaction.redact("Key (full_name, unit_id)=(Nguyễn Văn An, 7) already exists; input \"Trần Thị Bình\" is wrong"));
    }

    @org.junit.jupiter.api.Test
    void foldsVietnameseForMatching() {
        assertEquals("dong y", Folding.fold("  Đồng   Ý "));
        assertEquals("xa duong quang", Folding.fold("Xã Dương Quang"));
        assertEquals("0912***678", PhoneNumbers.mask("0912345678"));
    }
}
