package vn.contest.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.contest.core.config.ContestConfig.AttemptPolicy;
import vn.contest.core.config.ContestConfig.Answers;
import vn.contest.core.config.ContestConfig.CountedAttempt;
import vn.contest.core.config.ContestConfig.Eligibility;
import vn.contest.core.config.ContestConfig.Exclusions;
import vn.contest.core.config.ContestConfig.GroupConfig;
import vn.contest.core.config.ContestConfig.Paper;
import vn.contest.core.config.ContestConfig.Prizes;
import vn.contest.core.config.ContestConfig.Registration;
import vn.contest.core.config.ContestConfig.Reveal;
import vn.contest.core.config.ContestConfig.RoundConfig;
import vn.contest.core.config.ContestConfig.UnitConfig;
import vn.contest.core.text.Folding;
import vn.contest.core.text.PhoneNumbers;

/** Reads contest.yaml, fills documented defaults and refuses a file with any inconsistency. */
public final class ContestConfigLoader {
    private static final String CODE = "[A-Za-z0-9_-]{1,64}";

    private ContestConfigLoader() {}

    public static ContestConfig load(InputStream in, String source, LocalDate today) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .registerModule(new SimpleModule().addDeserializer(LocalDateTime.class, new RelativeDateTimeDeserializer(today)));
        ContestConfig raw;
        try {
            raw = yaml.readValue(in, ContestConfig.class);
        } catch (IOException e) {
            throw new ContestConfigException(source, List.of(e.getMessage().lines().findFirst().orElse("unreadable")));
        }
        if (raw == null) {
            throw new ContestConfigException(source, List.of("the file is empty"));
        }
        ContestConfig config = withDefaults(raw);
        List<String> problems = check(config);
        if (!problems.isEmpty()) {
            throw new ContestConfigException(source, problems);
        }
        return config;
    }

    private static ContestConfig withDefaults(ContestConfig c) {
        List<RoundConfig> rounds = c.rounds() == null || c.rounds().isEmpty()
                ? List.of(new RoundConfig("chinh", "Đợt thi chính", c.opensAt(), c.closesAt()))
                : c.rounds();
        Paper p = c.paper() == null ? new Paper(10, 10, true, Map.of(), null) : c.paper();
        p = new Paper(p.questions(), p.timeLimitMinutes(), p.shuffleOptions(),
                p.quotas() == null ? Map.of() : p.quotas(),
                p.predictionQuestion() == null
                        ? "Theo bạn, trong đợt thi này sẽ có bao nhiêu người tham gia dự thi?"
                        : p.predictionQuestion());
        AttemptPolicy a = c.attempts() == null ? new AttemptPolicy(0, 0, 0, null) : c.attempts();
        if (a.counted() == null) {
            a = new AttemptPolicy(a.maxPerContest(), a.maxPerRound(), a.maxPerDay(), CountedAttempt.DEFAULT);
        }
        Exclusions ex = c.exclusions() == null ? new Exclusions(List.of(), List.of()) : new Exclusions(
                c.exclusions().phones() == null ? List.of()
                        : c.exclusions().phones().stream().map(ph -> PhoneNumbers.normalize(ph).orElse(ph)).toList(),
                c.exclusions().idNumbers() == null ? List.of() : c.exclusions().idNumbers());
        return new ContestConfig(c.code(), c.title(), c.organizer(), c.province(),
                c.timezone() == null ? "Asia/Ho_Chi_Minh" : c.timezone(),
                c.opensAt(), c.closesAt(), rounds,
                c.eligibility() == null ? new Eligibility(15, null, null) : c.eligibility(),
                c.registration() == null ? new Registration(false) : c.registration(),
                p, a,
                c.answers() == null || c.answers().reveal() == null ? new Answers(Reveal.AFTER_ROUND_CLOSES) : c.answers(),
                c.prizes() == null ? new Prizes(List.of(), null) : c.prizes(),
                ex,
                c.topics() == null ? List.of() : c.topics(),
                c.units() == null ? List.of() : c.units(),
                c.rules() == null ? "" : c.rules().strip(),
                c.groups() == null ? null : c.groups().stream().map(g -> new GroupConfig(g.code(),
                        g.name(), g.shortName() == null ? g.name() : g.shortName(), g.aliases() == null ? List.of()
                        : g.aliases().stream().map(Folding::fold).toList())).toList(),
                c.practice(), c.reminders());
    }

    /** Every inconsistency in a contest's rules (empty when they can be used), for rules edited elsewhere. */
    public static List<String> validate(ContestConfig c) {
        return check(c);
    }

    private static List<String> check(ContestConfig c) {
        List<String> problems = new ArrayList<>();
        require(problems, c.code() != null && c.code().matches(CODE), "code must be 1-64 of A-Z a-z 0-9 _ -");
        require(problems, c.title() != null && !c.title().isBlank(), "title is required");
        require(problems, c.opensAt() != null && c.closesAt() != null, "opensAt and closesAt are required");
        try {
            c.zone();
        } catch (RuntimeException e) {
            problems.add("timezone " + c.timezone() + " is not a known time zone");
        }
        if (c.opensAt() != null && c.closesAt() != null) {
            require(problems, c.opensAt().isBefore(c.closesAt()), "opensAt must be before closesAt");
            RoundConfig previous = null;
            for (RoundConfig r : c.rounds()) {
                require(problems, r.code() != null && r.code().matches(CODE), "round code " + r.code() + " is not a valid code");
                if (r.opensAt() == null || r.closesAt() == null || !r.opensAt().isBefore(r.closesAt())) {
                    problems.add("round " + r.code() + " needs opensAt before closesAt");
                    continue;
                }
                require(problems, !r.opensAt().isBefore(c.opensAt()) && !r.closesAt().isAfter(c.closesAt()),
                        "round " + r.code() + " must lie within the contest window");
                require(problems, previous == null || !r.opensAt().isBefore(previous.closesAt()),
                        "round " + r.code() + " overlaps round " + (previous == null ? "" : previous.code()));
                previous = r;
            }
        }
        Paper p = c.paper();
        require(problems, p.questions() >= 1 && p.questions() <= 100, "paper.questions must be 1-100");
        require(problems, p.timeLimitMinutes() >= 1 && p.timeLimitMinutes() <= 180, "paper.timeLimitMinutes must be 1-180");
        int quotaSum = p.quotas().values().stream().mapToInt(Integer::intValue).sum();
        require(problems, quotaSum <= p.questions(), "paper.quotas add up to more than paper.questions");
        List<String> topicCodes = c.topics().stream().map(ContestConfig.TopicConfig::code).toList();
        for (String topic : p.quotas().keySet()) {
            require(problems, topicCodes.contains(topic), "paper.quotas names unknown topic " + topic);
        }
        require(problems, topicCodes.stream().distinct().count() == topicCodes.size(), "topic codes must be unique");
        require(problems, c.eligibility().minAge() >= 0 && c.eligibility().minAge() < 100, "eligibility.minAge must be 0-99");
        AttemptPolicy a = c.attempts();
        require(problems, c.practice().questions() >= 1 && c.practice().questions() <= 20, "practice.questions must be 1-20");
        require(problems, c.reminders().hoursBeforeRoundCloses().stream().allMatch(hours -> hours != null && hours >= 1 && hours <= 720)
                && c.reminders().hoursBeforeRoundCloses().stream().distinct().count() == c.reminders().hoursBeforeRoundCloses().size(),
                "reminders.hoursBeforeRoundCloses must be distinct whole hours, 1-720");
        require(problems, a.maxPerContest() >= 0 && a.maxPerRound() >= 0 && a.maxPerDay() >= 0, "attempt caps cannot be negative");
        List<Integer> groupCodes = c.groups().stream().map(GroupConfig::code).toList();
        for (GroupConfig g : c.groups()) {
            require(problems, g.code() >= 1 && g.code() <= 99, "group code " + g.code() + " must be 1-99");
            require(problems, g.name() != null && !g.name().isBlank(), "group " + g.code() + " needs a name");
        }
        require(problems, groupCodes.stream().distinct().count() == groupCodes.size(), "group codes must be unique");
        for (var group : c.prizes().individual()) {
            require(problems, groupCodes.contains(group.group()), "prizes.individual group " + group.group() + " is not one of groups[]");
            for (var level : group.levels()) {
                require(problems, level.count() >= 0 && level.name() != null, "prize level " + level.code() + " needs a name and a count");
            }
        }
        List<String> unitCodes = new ArrayList<>();
        collectUnitCodes(c.units(), unitCodes, problems);
        require(problems, !unitCodes.isEmpty(), "at least one unit is required");
        require(problems, unitCodes.stream().distinct().count() == unitCodes.size(), "unit codes must be unique");
        return problems;
    }

    private static void collectUnitCodes(List<UnitConfig> units, List<String> codes, List<String> problems) {
        if (units == null) {
            return;
        }
        for (UnitConfig u : units) {
            require(problems, u.code() != null && u.code().matches(CODE), "unit code " + u.code() + " is not a valid code");
            require(problems, u.name() != null && !u.name().isBlank(), "unit " + u.code() + " needs a name");
            require(problems, u.headcount() >= 0, "unit " + u.code() + " has a negative headcount");
            codes.add(u.code());
            collectUnitCodes(u.children(), codes, problems);
        }
    }

    private static void require(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
