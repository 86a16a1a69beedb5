package vn.contest.admin.pages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.admin.Xlsx;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Round;
import vn.contest.core.dialogue.Texts;
import vn.contest.core.ranking.Award;
import vn.contest.core.participant.ParticipantQueries;
import vn.contest.core.ranking.PrizeProposal;
import vn.contest.core.ranking.PrizeSnapshotStore;
import vn.contest.core.ranking.PublishedResults;
import vn.contest.core.ranking.RankedEntry;
import vn.contest.core.ranking.RankingQuery;
import vn.contest.core.ranking.TopRanking;
import vn.contest.core.ranking.UnitStanding;
import vn.contest.core.ranking.UnitStandings;

/**
 * Results: each round's ranking per group with every part of the key, the prize list the rules produce,
 * and the secretariat's confirmation, which freezes that list (with when and who) so later data cannot
 * change it. The winners, the full ranking and unit participation download as .xlsx; the confirmed list
 * also prints for signing.
 */
public final class ResultsPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BOARD_LINES = 200;
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final Clock clock;
    private final Verification verification;
    private final Consumer<String> publicPageChanged;

    /**
     * {@code publicPageChanged}: told a contest's code once its published winners changed (published, withdrawn), so
     * the public site drops the page it serves from its cache at once.
     */
    public ResultsPage(Jdbi jdbi, Supplier<Contest> live, Clock clock, Verification verification, Consumer<String> publicPageChanged) {
        this.jdbi = jdbi;
        this.live = live;
        this.clock = clock;
        this.verification = verification;
        this.publicPageChanged = publicPageChanged;
    }

    public record Line(int rank, String name, String unit, String score, String prediction, String distance, String duration, String finishedAt) {}

    public record Board(String title, List<Line> lines) {}

    /** One prize on the proposed or confirmed list, with what verification needs. */
    public record Winner(String kind, String round, String group, String prize, int rank, String name, String birthDate,
                         String phone, String unit, String score, String verification, String time) {}

    /** Someone ranked within the prizes whom the rules pass over, and why; the secretary may verify them. */
    public record Passed(long participantId, String round, String group, int rank, String name, String unit, String reason,
                         boolean verifiable) {}

    public record Snapshot(long id, String confirmedAt, String confirmedBy, List<Winner> winners) {}

    public record PrintView(Page page, Snapshot confirmed) {}

    /** What the public page shows now: the confirmed list {@code snapshotId}, published when and by whom. */
    public record Published(long snapshotId, String publishedAt, String publishedBy) {}

    public record View(Page page, List<Round> rounds, long roundId, List<Board> boards, List<Winner> proposal,
                       List<Passed> passedOver, Snapshot confirmed, long actualParticipants, Published published, String publicPath) {}

    private Contest contest() {
        return live.get();
    }

    public void show(Context ctx) {
        long roundId = selectedRound(ctx);
        // One snapshot for the boards and the proposal: the head of a ranking is read level by level (TopRanking).
        View view = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            PrizeProposal proposal = PrizeProposal.of(h, contest());
            long actual = proposal.actualParticipants().get(roundId); // counted once per round, by the proposal
            List<Board> boards = new ArrayList<>();
            for (ContestConfig.GroupConfig group : contest().config().groups()) {
                boards.add(new Board(group.title(), TopRanking.top(h, contest().config(), roundId, group.code(), actual, BOARD_LINES)
                        .stream().map(this::line).toList()));
            }
            return new View(AdminContext.page(ctx, contest(), "Kết quả và giải thưởng", "results"), contest().rounds(), roundId, boards,
                    winners(h, proposal), passed(proposal), latest(h).orElse(null), actual,
                    PublishedResults.current(h, contest().id()).map(p -> new Published(p.snapshotId(),
                            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(p.publishedAt().atZone(contest().config().zone())),
                            p.publishedBy())).orElse(null), publicPath());
        });
        ctx.html(Templates.render("results.jte", view));
    }

    private long selectedRound(Context ctx) {
        String r = ctx.queryParam("round");
        if (r != null && r.matches("\\d{1,18}") && contest().round(Long.parseLong(r)).isPresent()) {
            return Long.parseLong(r);
        }
        return contest().currentOrLastRound(clock.instant()).orElse(contest().rounds().get(0)).id();
    }

    private Line line(RankedEntry e) {
        return new Line(e.rank(), e.fullName(), contest().unitLabel(e.unitId()), e.score() + "/" + e.questionCount(),
                e.prediction() == null ? "—" : Texts.number(e.prediction()),
                e.predictionDistance() == null ? "—" : Texts.number(e.predictionDistance()),
                String.format(java.util.Locale.ROOT, "%.1f giây", e.durationMs() / 1000.0),
                Texts.dateTime(e.finishedAt(), contest().config().zone()));
    }

    /** The prizes the rules give now ({@link PrizeProposal}), with what verification needs. */
    private List<Winner> winners(Handle h, PrizeProposal proposal) {
        Map<Long, ParticipantQueries.Contact> contacts = ParticipantQueries.contacts(h,
                proposal.individual().stream().map(p -> p.award().participantId()).distinct().toList());
        List<Winner> winners = new ArrayList<>();
        for (PrizeProposal.IndividualPrize prize : proposal.individual()) {
            Award a = prize.award();
            RankedEntry e = prize.entry();
            ParticipantQueries.Contact p = contacts.get(a.participantId());
            winners.add(new Winner("Cá nhân", contest().round(a.roundId()).map(Round::name).orElse(""), "Nhóm " + a.group(), a.levelName(), a.rank(),
                    e.fullName(), DateTimeFormatter.ofPattern("dd/MM/yyyy").format(p.birthDate()), p.phone(),
                    contest().unitLabel(e.unitId()), e.score() + "/" + e.questionCount(), verification.label(e.phoneVerifiedVia()),
                    Texts.duration(java.time.Duration.ofMillis(e.durationMs()))));
        }
        String collective = contest().config().prizes().collective() == null ? "" : contest().config().prizes().collective().name();
        for (UnitStanding u : proposal.collective()) {
            winners.add(new Winner("Tập thể", "Cả cuộc thi", "", collective, u.rank(), u.name(), "", "", u.name(),
                    u.participants() + " người" + (u.rate() == null ? "" : String.format(java.util.Locale.ROOT, ", %.2f%%", u.rate() * 100)), "", ""));
        }
        return winners;
    }

    private List<Passed> passed(PrizeProposal proposal) {
        return proposal.passedOver().stream().map(p -> new Passed(p.entry().participantId(),
                contest().round(p.roundId()).map(Round::name).orElse(""), "Nhóm " + p.group(), p.entry().rank(), p.entry().fullName(),
                contest().unitLabel(p.entry().unitId()), p.entry().disputed()
                        ? "số điện thoại đã được người khác xác minh (tranh chấp)" : p.entry().phoneVerifiedVia() == null
                        ? "chưa xác minh số điện thoại" : "không đủ điều kiện", !p.entry().disputed() && p.entry().phoneVerifiedVia() == null))
                .toList();
    }

    private Optional<Snapshot> latest(Handle h) {
        return PrizeSnapshotStore.latest(h, contest().id()).map(s -> new Snapshot(s.id(),
                DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(s.confirmedAt().atZone(contest().config().zone())),
                s.confirmedBy(), read(s.entriesJson())));
    }

    public void confirm(Context ctx) throws Exception {
        jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> { // the proposal from one snapshot
            List<Winner> winners = winners(h, PrizeProposal.of(h, contest()));
            long id = PrizeSnapshotStore.add(h, contest().id(), AdminContext.user(ctx).username(), JSON.writeValueAsString(winners));
            Audit.record(h, AdminContext.user(ctx), "Xác nhận danh sách giải", "danh sách " + id, null, Map.of("số giải", winners.size()));
        });
        ctx.redirect("/admin/results", HttpStatus.SEE_OTHER);
    }

    /** The public page of this contest's winners. */
    private String publicPath() {
        return vn.contest.site.SiteUrls.winners(contest().config().code());
    }

    /**
     * Publishes the confirmed list the form names (the one the committee was looking at) on the public page, in place
     * of any published before; a list of another contest, or none, is refused and changes nothing. Audited.
     */
    public void publish(Context ctx) {
        String given = String.valueOf(ctx.formParam("snapshot"));
        long contestId = contest().id();
        boolean done = given.matches("\\d{1,18}") && jdbi.inTransaction(h -> {
            long id = Long.parseLong(given);
            Optional<PublishedResults.Publication> before = PublishedResults.current(h, contestId);
            if (!PublishedResults.publish(h, contestId, id, AdminContext.user(ctx).username())) {
                return false;
            }
            Audit.record(h, AdminContext.user(ctx), "Công bố kết quả trên trang công khai", publicPath(),
                    before.map(p -> Map.<String, Object>of("danh sách", p.snapshotId())).orElse(null), Map.of("danh sách", id));
            return true;
        });
        if (!done) {
            ctx.status(HttpStatus.BAD_REQUEST).html(Templates.render("message.jte", new MessageView("Không có danh sách này",
                    "Chỉ công bố được một danh sách giải đã xác nhận của cuộc thi này. Vui lòng tải lại trang kết quả.", "/admin/results")));
            return;
        }
        publicPageChanged.accept(contest().config().code());
        ctx.redirect("/admin/results#published", HttpStatus.SEE_OTHER);
    }

    /** Takes the winners off the public page (it says again when results are expected). Audited. */
    public void withdraw(Context ctx) {
        long contestId = contest().id();
        jdbi.useTransaction(h -> PublishedResults.withdraw(h, contestId).ifPresent(p ->
                Audit.record(h, AdminContext.user(ctx), "Rút kết quả khỏi trang công khai", publicPath(),
                        Map.of("danh sách", p.snapshotId()), null)));
        publicPageChanged.accept(contest().config().code());
        ctx.redirect("/admin/results#published", HttpStatus.SEE_OTHER);
    }

    public void winnersXlsx(Context ctx) {
        Optional<Snapshot> s = jdbi.withHandle(this::latest);
        s.ifPresent(x -> readsPersonalData(ctx, "Tải danh sách giải (họ tên, ngày sinh, số điện thoại)", "danh sách " + x.id()));
        if (s.isEmpty()) {
            ctx.status(HttpStatus.CONFLICT).html(Templates.render("message.jte", new MessageView("Chưa có danh sách",
                    "Thư ký cần xác nhận danh sách giải trước khi tải về.", "/admin/results")));
            return;
        }
        List<List<Object>> rows = s.get().winners().stream().map(w -> List.<Object>of(w.kind(), w.round(), w.group(), w.prize(), w.rank(),
                w.name(), w.birthDate(), w.phone(), w.unit(), w.score(), w.verification() == null ? "" : w.verification())).toList();
        send(ctx, "danh-sach-giai.xlsx", new Xlsx().sheet("Danh sách giải", List.of("Loại", "Đợt", "Nhóm", "Giải", "Hạng", "Họ và tên",
                "Ngày sinh", "Số điện thoại", "Đơn vị", "Kết quả", "Xác minh"), rows));
    }

    public void rankingXlsx(Context ctx) {
        readsPersonalData(ctx, "Tải bảng xếp hạng (họ tên, đơn vị)", "cuộc thi " + contest().config().code());
        ctx.header("Content-Disposition", "attachment; filename=\"bang-xep-hang.xlsx\"").contentType(Xlsx.CONTENT_TYPE);
        writeRanking(ctx.outputStream());
    }

    /** Every round's whole ranking, a sheet per group, streamed from the database to {@code out}. */
    public void writeRanking(java.io.OutputStream out) {
        ContestConfig config = contest().config();
        try (Xlsx x = new Xlsx()) {
            // Read in batches, which needs a transaction; one snapshot for every sheet.
            jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                for (Round r : contest().rounds()) {
                    long actual = RankingQuery.actualParticipants(h, config, r.id());
                    for (ContestConfig.GroupConfig group : config.groups()) {
                        Xlsx.SheetWriter sheet = x.sheet(r.name() + " - Nhóm " + group.code(), List.of("Hạng", "Họ và tên", "Đơn vị",
                                "Số câu đúng", "Số câu", "Dự đoán", "Chênh lệch dự đoán", "Thời gian (giây)", "Nộp bài lúc"));
                        RankingQuery.stream(h, config, r.id(), group.code(), actual, e -> {
                            Line l = line(e);
                            sheet.row(List.of(l.rank(), l.name(), l.unit(), e.score(), e.questionCount(), l.prediction(), l.distance(),
                                    e.durationMs() / 1000.0, l.finishedAt()));
                        });
                    }
                }
            });
            x.write(out);
        }
    }

    public void unitsXlsx(Context ctx) {
        List<List<Object>> rows = jdbi.withHandle(h -> UnitStandings.rank(h, contest().config(), contest().id(), ContestConfig.UnitMeasure.PARTICIPATION_RATE))
                .stream().map(u -> List.<Object>of(u.rank(), u.name(), u.headcount(), u.participants(),
                        u.rate() == null ? "" : Math.round(u.rate() * 10000) / 100.0)).toList();
        send(ctx, "tham-gia-theo-don-vi.xlsx", new Xlsx().sheet("Đơn vị", List.of("Hạng", "Đơn vị", "Số người (định mức)",
                "Số người dự thi", "Tỷ lệ (%)"), rows));
    }

    public void print(Context ctx) {
        Optional<Snapshot> s = jdbi.withHandle(this::latest);
        s.ifPresent(x -> readsPersonalData(ctx, "Xem trang in danh sách giải (có thông tin liên hệ)", "danh sách " + x.id()));
        if (s.isEmpty()) {
            ctx.status(HttpStatus.CONFLICT).html(Templates.render("message.jte", new MessageView("Chưa có danh sách",
                    "Thư ký cần xác nhận danh sách giải trước khi in.", "/admin/results")));
            return;
        }
        ctx.html(Templates.render("print.jte", new PrintView(AdminContext.page(ctx, contest(), "Danh sách đề nghị khen thưởng", "results"),
                s.get())));
    }

    /** Every read of personal data by the committee goes to the audit log. */
    private void readsPersonalData(Context ctx, String action, String target) {
        jdbi.useHandle(h -> Audit.recordAccess(h, AdminContext.user(ctx), AdminContext.user(ctx).username(), action, target));
    }

    private static void send(Context ctx, String name, Xlsx x) {
        try (x) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"").contentType(Xlsx.CONTENT_TYPE).result(x.bytes());
        }
    }

    private static List<Winner> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Winner>>() {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
