package vn.contest.core.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The rules of one contest, as written in its contest.yaml (see the README). Times are local times in
 * {@link #zone()}; the loader has already resolved relative dates such as "today+28d" and checked the file.
 */
public record ContestConfig(
        String code,
        String title,
        String organizer,
        String province,
        String timezone,
        LocalDateTime opensAt,
        LocalDateTime closesAt,
        List<RoundConfig> rounds,
        Eligibility eligibility,
        Registration registration,
        Paper paper,
        AttemptPolicy attempts,
        Answers answers,
        Prizes prizes,
        Exclusions exclusions,
        List<TopicConfig> topics,
        List<UnitConfig> units,
        String rules,
        List<GroupConfig> groups,
        Practice practice,
        Reminders reminders) {

    /** The plan's two groups, for a contest file (or a stored config from before groups[]) that names none. */
    public static final List<GroupConfig> DEFAULT_GROUPS = List.of(
            new GroupConfig(1, "Cán bộ, công chức, viên chức, lực lượng vũ trang", "Cán bộ, công chức, viên chức, LLVT",
                    List.of("can bo", "cong chuc", "vien chuc", "llvt", "luc luong vu trang")),
            new GroupConfig(2, "Nhân dân (học sinh, sinh viên, người lao động và các tầng lớp nhân dân)", "Nhân dân",
                    List.of("nhan dan", "nguoi dan", "dan", "hoc sinh", "sinh vien")));

    public ContestConfig {
        groups = groups == null || groups.isEmpty() ? DEFAULT_GROUPS : List.copyOf(groups);
        practice = practice == null ? Practice.DEFAULT : practice;
        reminders = reminders == null ? Reminders.NONE : reminders;
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public ZonedDateTime opens() {
        return opensAt.atZone(zone());
    }

    public ZonedDateTime closes() {
        return closesAt.atZone(zone());
    }

    public LocalDate startDate() {
        return opensAt.toLocalDate();
    }

    /** A group's config by its code (the number people type), if the contest has it. */
    public java.util.Optional<GroupConfig> group(int code) {
        return groups.stream().filter(g -> g.code() == code).findFirst();
    }

    /**
     * A participant group (nhóm đối tượng), ranked and awarded apart. {@code code} is the number people type;
     * {@code aliases} are folded words that also choose it ("can bo", "nhan dan").
     */
    public record GroupConfig(int code, String name, String shortName, List<String> aliases) {
        /** "Nhóm 1: Cán bộ, công chức, viên chức, LLVT", as boards and lists head it. */
        public String title() {
            return "Nhóm " + code + ": " + shortName;
        }
    }

    public record RoundConfig(String code, String name, LocalDateTime opensAt, LocalDateTime closesAt) {}

    /**
     * Who may compete: a minimum age on the contest's first day, and a declared tie to the province; and
     * whether a prize needs a phone vouched for by a platform, a one-time code or the committee (default yes).
     */
    public record Eligibility(int minAge, String residencyStatement, Boolean prizesNeedVerifiedPhone) {
        /** Whether a prize needs a verified phone (the default when the file says nothing). */
        public boolean needsVerifiedPhone() {
            return prizesNeedVerifiedPhone == null || prizesNeedVerifiedPhone;
        }
    }

    /** Whether registration also asks for the ID number (CCCD), used to check the exclusion list. */
    public record Registration(boolean askIdNumber) {}

    /**
     * One paper: {@code questions} drawn at random, at least {@code quotas[topic]} from each listed topic,
     * answered within {@code timeLimitMinutes} (the prediction included), then the prediction question.
     */
    public record Paper(int questions, int timeLimitMinutes, boolean shuffleOptions,
                        java.util.Map<String, Integer> quotas, String predictionQuestion) {}

    /** Caps (0 = no cap) and which finished attempt counts in a round's ranking. */
    public record AttemptPolicy(int maxPerContest, int maxPerRound, int maxPerDay, CountedAttempt counted) {}

    public enum CountedAttempt {
        BEST, FIRST, LAST;

        /** The policy when the contest's rules name none. */
        public static final CountedAttempt DEFAULT = BEST;

        /** The policy a stored name stands for (any case), the default when none is stored. */
        public static CountedAttempt named(String name) {
            return name == null ? DEFAULT : valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** When a participant may see the correct answers of their papers. */
    public record Answers(Reveal reveal) {}

    public enum Reveal { AFTER_ROUND_CLOSES, AFTER_CONTEST_CLOSES, AFTER_ATTEMPT }

    public record Prizes(List<GroupPrizes> individual, CollectivePrizes collective) {}

    public record GroupPrizes(int group, List<PrizeLevel> levels) {}

    public record PrizeLevel(String code, String name, int count) {}

    public record CollectivePrizes(String name, int count, UnitMeasure by) {}

    public enum UnitMeasure { PARTICIPANTS, PARTICIPATION_RATE }

    /** Committee members (Ban Tổ chức, Tổ soạn thảo, Tổ Thư ký) cannot compete. */
    public record Exclusions(List<String> phones, List<String> idNumbers) {}

    public record TopicConfig(String code, String name) {}

    /** "Luyện tập": how many questions a practice set has. */
    public record Practice(int questions) {
        public static final Practice DEFAULT = new Practice(5);
    }

    /** When opted-in chats are reminded, in hours before each round closes (for example 24 and 2). */
    public record Reminders(List<Integer> hoursBeforeRoundCloses) {
        public static final Reminders NONE = new Reminders(List.of());

        public Reminders {
            hoursBeforeRoundCloses = hoursBeforeRoundCloses == null ? List.of()
                    : hoursBeforeRoundCloses.stream().filter(java.util.Objects::nonNull).sorted(java.util.Comparator.reverseOrder()).toList();
        }

        public boolean any() {
            return !hoursBeforeRoundCloses.isEmpty();
        }
    }

    public record UnitConfig(String code, String name, int headcount, List<UnitConfig> children) {}
}
