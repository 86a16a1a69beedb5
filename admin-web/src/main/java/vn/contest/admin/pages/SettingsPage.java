package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.ranking.RoundResults;
import vn.contest.core.config.ContestConfig.AttemptPolicy;
import vn.contest.core.config.ContestConfig.GroupPrizes;
import vn.contest.core.config.ContestConfig.PrizeLevel;
import vn.contest.core.config.ContestConfig.RoundConfig;
import vn.contest.core.config.ContestConfigLoader;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.LiveContest;
import vn.contest.core.participant.ParticipantStore;
import vn.contest.core.ranking.PrizeSnapshotStore;
import vn.contest.core.rules.Anonymisation;
import vn.contest.core.rules.OpenRoundChange;
import vn.contest.core.text.PhoneNumbers;

/**
 * The contest's rules, edited in the browser: window, rounds, paper size and time, attempt policy, prize
 * counts, rules text and the committee's exclusion list. Every change is audited; a change that touches a
 * round already open needs an explicit confirmation ({@link OpenRoundChange}). Every instance follows within
 * seconds (LiveContest).
 */
public final class SettingsPage {
    private final java.util.function.Supplier<LiveContest> live;
    private final Jdbi jdbi;
    private final Clock clock;

    public SettingsPage(java.util.function.Supplier<LiveContest> live, Jdbi jdbi, Clock clock) {
        this.live = live;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record View(Page page, ContestConfig config, List<String> errors, String warning, String notice) {
        /** With seconds, so that saving unchanged settings changes no time (23:59:59 stays 23:59:59). */
        public String at(LocalDateTime t) {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(t);
        }

        public String lines(List<String> values) {
            return String.join("\n", values);
        }
    }

    public void show(Context ctx) {
        ctx.html(render(ctx, live.get().get().config(), List.of(), null, ctx.queryParam("notice")));
    }

    private String render(Context ctx, ContestConfig config, List<String> errors, String warning, String notice) {
        return Templates.render("settings.jte", new View(AdminContext.page(ctx, live.get().get(), "Thể lệ và cấu hình cuộc thi", "settings"),
                config, errors, warning, notice));
    }

    /**
     * After the contest: anonymises every participant but the confirmed winners (audited). When it may go ahead
     * and whom it keeps is {@link Anonymisation}; here only the form ("ẨN DANH" typed) and the wording.
     */
    public void anonymise(Context ctx) {
        Contest contest = live.get().get();
        boolean confirmed = "ẨN DANH".equals(String.valueOf(ctx.formParam("confirm")).strip().toUpperCase());
        var snapshot = jdbi.withHandle(h -> PrizeSnapshotStore.latest(h, contest.id()));
        Optional<Anonymisation.Refusal> refusal = Anonymisation.refusal(clock.instant(), contest.closesAt(), confirmed, snapshot.isPresent());
        if (refusal.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, contest.config(), List.of(wording(refusal.get())), null, null));
            return;
        }
        List<String> kept = Anonymisation.keptPhones(snapshot.get().entriesJson(), "yes".equals(ctx.formParam("includeWinners")));
        int anonymised = jdbi.inTransaction(h -> {
            int n = ParticipantStore.anonymiseAllBut(h, contest.id(), kept, clock.instant());
            Audit.record(h, AdminContext.user(ctx), "Ẩn danh hóa dữ liệu người dự thi", "cuộc thi " + contest.config().code(), null,
                    java.util.Map.of("số người ẩn danh", n, "người đạt giải giữ lại", kept.size()));
            return n;
        });
        ctx.redirect("/admin/settings?notice=" + java.net.URLEncoder.encode("Đã ẩn danh hóa " + anonymised
                + " người dự thi; giữ lại " + kept.size() + " người đạt giải.", java.nio.charset.StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    private static String wording(Anonymisation.Refusal refusal) {
        return switch (refusal) {
            case CONTEST_NOT_CLOSED -> "Chỉ ẩn danh hóa được sau khi cuộc thi kết thúc.";
            case NOT_CONFIRMED -> "Vui lòng gõ ẨN DANH để xác nhận.";
            case NO_CONFIRMED_PRIZE_LIST -> "Hãy xác nhận danh sách giải trước: thông tin của người đạt giải được giữ lại để trao giải.";
        };
    }

    public void save(Context ctx) {
        Contest contest = live.get().get();
        ContestConfig old = contest.config();
        List<String> errors = new ArrayList<>();
        ContestConfig edited = read(ctx, old, errors);
        if (errors.isEmpty()) {
            errors.addAll(ContestConfigLoader.validate(edited).stream().map(p -> "Cấu hình chưa hợp lệ: " + p).toList());
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, edited == null ? old : edited, errors, null, null));
            return;
        }
        Optional<String> warning = OpenRoundChange.of(contest, clock.instant(), old, edited).map(SettingsPage::warning);
        if (warning.isPresent() && !"yes".equals(ctx.formParam("confirmOpenRound"))) {
            ctx.status(HttpStatus.CONFLICT).html(render(ctx, edited, List.of(), warning.get(), null));
            return;
        }
        jdbi.useTransaction(h -> {
            live.get().replace(edited);
            RoundResults.ensureBuilt(h, contest.id()); // a new counting policy keeps other papers
            Audit.record(h, AdminContext.user(ctx), "Sửa thể lệ, cấu hình", "cuộc thi " + old.code(), old, edited);
        });
        ctx.redirect("/admin/settings?notice=" + java.net.URLEncoder.encode("Đã lưu. Các kênh thi dùng cấu hình mới ngay.",
                java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    /** The edited rules, or null with the reasons in {@code errors} (in the committee's words). */
    private static ContestConfig read(Context ctx, ContestConfig old, List<String> errors) {
        String title = text(ctx, "title");
        if (title.isBlank()) {
            errors.add("Tên cuộc thi không được để trống.");
        }
        LocalDateTime opens = time(ctx, "opensAt", "Thời gian bắt đầu", errors);
        LocalDateTime closes = time(ctx, "closesAt", "Thời gian kết thúc", errors);
        List<RoundConfig> rounds = new ArrayList<>();
        for (RoundConfig r : old.rounds()) {
            rounds.add(new RoundConfig(r.code(), orElse(text(ctx, "roundName_" + r.code()), r.name()),
                    time(ctx, "roundOpens_" + r.code(), "Bắt đầu của " + r.name(), errors),
                    time(ctx, "roundCloses_" + r.code(), "Kết thúc của " + r.name(), errors)));
        }
        String newCode = text(ctx, "newRoundCode");
        if (!newCode.isBlank()) {
            if (!newCode.matches("[A-Za-z0-9_-]{1,64}") || old.rounds().stream().anyMatch(r -> r.code().equals(newCode))) {
                errors.add("Mã đợt mới phải là chữ không dấu, số, gạch ngang và chưa dùng.");
            } else {
                rounds.add(new RoundConfig(newCode, orElse(text(ctx, "newRoundName"), newCode),
                        time(ctx, "newRoundOpens", "Bắt đầu của đợt mới", errors), time(ctx, "newRoundCloses", "Kết thúc của đợt mới", errors)));
            }
        }
        int questions = number(ctx, "questions", "Số câu mỗi lượt", 1, 100, errors);
        int minutes = number(ctx, "timeLimitMinutes", "Thời gian làm bài (phút)", 1, 180, errors);
        int quotas = old.paper().quotas().values().stream().mapToInt(Integer::intValue).sum();
        if (questions < quotas) {
            errors.add("Số câu mỗi lượt (" + questions + ") ít hơn tổng số câu tối thiểu theo chủ đề (" + quotas + ").");
        }
        AttemptPolicy attempts = new AttemptPolicy(number(ctx, "maxPerContest", "Số lượt tối đa cả cuộc thi", 0, 1000, errors),
                number(ctx, "maxPerRound", "Số lượt tối đa mỗi đợt", 0, 1000, errors),
                number(ctx, "maxPerDay", "Số lượt tối đa mỗi ngày", 0, 1000, errors),
                enumOf(ContestConfig.CountedAttempt.class, text(ctx, "counted"), old.attempts().counted()));
        List<GroupPrizes> prizes = new ArrayList<>();
        for (GroupPrizes g : old.prizes().individual()) {
            List<PrizeLevel> levels = new ArrayList<>();
            for (PrizeLevel l : g.levels()) {
                levels.add(new PrizeLevel(l.code(), l.name(), number(ctx, "prize_" + g.group() + "_" + l.code(),
                        l.name() + " nhóm " + g.group(), 0, 10_000, errors)));
            }
            prizes.add(new GroupPrizes(g.group(), levels));
        }
        ContestConfig.CollectivePrizes collective = old.prizes().collective() == null ? null
                : new ContestConfig.CollectivePrizes(old.prizes().collective().name(),
                        number(ctx, "collectiveCount", "Số giải tập thể", 0, 1000, errors),
                        enumOf(ContestConfig.UnitMeasure.class, text(ctx, "collectiveBy"), old.prizes().collective().by()));
        List<String> phones = new ArrayList<>();
        for (String line : lines(ctx, "excludedPhones")) {
            Optional<String> phone = PhoneNumbers.normalize(line);
            if (phone.isEmpty()) {
                errors.add("Số điện thoại loại trừ \"" + line + "\" không phải số di động Việt Nam.");
            } else {
                phones.add(phone.get());
            }
        }
        List<String> ids = new ArrayList<>();
        for (String line : lines(ctx, "excludedIds")) {
            String digits = line.replaceAll("[\\s.\\-]", "");
            if (!digits.matches("\\d{12}|\\d{9}")) {
                errors.add("Số căn cước loại trừ \"" + line + "\" phải có 12 (hoặc 9) chữ số.");
            } else {
                ids.add(digits);
            }
        }
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            errors.add("Thời gian bắt đầu phải trước thời gian kết thúc.");
        }
        for (RoundConfig r : rounds) {
            if (r.opensAt() != null && r.closesAt() != null && opens != null && closes != null
                    && (!r.opensAt().isBefore(r.closesAt()) || r.opensAt().isBefore(opens) || r.closesAt().isAfter(closes))) {
                errors.add(r.name() + ": bắt đầu phải trước kết thúc và nằm trong thời gian cuộc thi.");
            }
        }
        if (!errors.isEmpty() || opens == null || closes == null) {
            return null;
        }
        rounds.sort(java.util.Comparator.comparing(RoundConfig::opensAt));
        return new ContestConfig(old.code(), title, old.organizer(), old.province(), old.timezone(), opens, closes, rounds,
                old.eligibility(), old.registration(),
                new ContestConfig.Paper(questions, minutes, old.paper().shuffleOptions(), old.paper().quotas(),
                        orElse(text(ctx, "predictionQuestion"), old.paper().predictionQuestion())),
                attempts, new ContestConfig.Answers(enumOf(ContestConfig.Reveal.class, text(ctx, "reveal"), old.answers().reveal())),
                new ContestConfig.Prizes(prizes, collective), new ContestConfig.Exclusions(phones, ids), old.topics(), old.units(),
                text(ctx, "rules"), old.groups(), old.practice(), old.reminders());
    }

    /** Why a change needs confirming ({@link OpenRoundChange}), in the committee's words. */
    private static String warning(OpenRoundChange.Touched t) {
        return t.round().name() + " đang mở: thay đổi " + (t.window() ? "thời gian của đợt, " : "") + (t.paper() ? "đề thi, " : "")
                + (t.attempts() ? "số lượt thi, " : "") + "sẽ áp dụng ngay cho người đang dự thi và có thể làm kết quả giữa những người dự thi không còn "
                + "cùng điều kiện. Đánh dấu ô xác nhận bên dưới nếu Ban Tổ chức đã quyết định như vậy.";
    }

    private static String text(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    private static String orElse(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }

    private static List<String> lines(Context ctx, String name) {
        return Arrays.stream(text(ctx, name).split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDateTime time(Context ctx, String name, String label, List<String> errors) {
        String v = text(ctx, name);
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(label + ": cần ngày giờ hợp lệ.");
            return null;
        }
    }

    private static int number(Context ctx, String name, String label, int min, int max, List<String> errors) {
        String v = text(ctx, name);
        if (!v.matches("\\d{1,6}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            errors.add(label + ": cần một số từ " + min + " đến " + max + ".");
            return min;
        }
        return Integer.parseInt(v);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
