package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.admin.auth.Role;
import vn.contest.core.contest.Contest;
import vn.contest.core.dialogue.Texts;
import vn.contest.core.participant.ParticipantQueries;
import vn.contest.core.text.PhoneNumbers;

/** Participants: search by name, phone or unit; one person's papers; disqualify with a reason (audited). */
public final class ParticipantsPage {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final Clock clock;
    private final Verification verification;

    public ParticipantsPage(Jdbi jdbi, Supplier<Contest> live, Clock clock, Verification verification) {
        this.jdbi = jdbi;
        this.live = live;
        this.clock = clock;
        this.verification = verification;
    }

    public record Row(long id, String name, String birthDate, String phone, int group, String unit, String registeredAt,
                      long papers, String disqualifiedReason, String verification, boolean openDispute, String dispute) {}

    public record Paper(long id, String round, String startedAt, String score, String duration, String prediction, String status) {}

    public record ListView(Page page, List<Row> disputes, List<Row> rows, String q, int pageNo, boolean hasMore) {}

    public record DetailView(Page page, Row person, List<Paper> papers, String error) {}

    private Contest contest() {
        return live.get();
    }

    public void list(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int pageNo = QuestionsPage.parsePage(ctx.queryParam("page"));
        String phone = PhoneNumbers.normalize(q).orElse(q.replaceAll("\\D", ""));
        Role role = AdminContext.user(ctx).role();
        List<Row> rows = jdbi.withHandle(h -> ParticipantQueries.search(h, contest().id(), q, phone, QuestionsPage.PAGE_SIZE + 1,
                (pageNo - 1) * QuestionsPage.PAGE_SIZE)).stream().map(p -> row(p, role)).toList();
        List<Row> disputes = jdbi.withHandle(h -> ParticipantQueries.openDisputes(h, contest().id())).stream().map(p -> row(p, role)).toList();
        if (role.seesPersonalData) {
            jdbi.useHandle(h -> Audit.recordAccess(h, AdminContext.user(ctx), AdminContext.user(ctx).username(),
                    "Xem danh sách người dự thi", q.isEmpty() ? "trang " + pageNo : "tìm \"" + q + "\", trang " + pageNo));
        }
        boolean more = rows.size() > QuestionsPage.PAGE_SIZE;
        ctx.html(Templates.render("participants.jte", new ListView(AdminContext.page(ctx, contest(), "Người dự thi", "participants"),
                disputes, more ? rows.subList(0, QuestionsPage.PAGE_SIZE) : rows, q, pageNo, more)));
    }

    private Row row(ParticipantQueries.Listed p, Role role) {
        boolean full = role.seesPersonalData;
        return new Row(p.id(), p.fullName(), full ? DATE.format(p.birthDate()) : "**/**/****",
                full ? p.phone() : PhoneNumbers.mask(p.phone()), p.group(), p.unit(),
                Texts.dateTime(p.registeredAt(), contest().config().zone()), p.papers(), p.disqualifiedReason(),
                verification.label(p.phoneVerifiedVia()), p.openDispute(), dispute(p));
    }

    /** Where this record's dispute stands, in the committee's words; null when there is none. */
    private static String dispute(ParticipantQueries.Listed p) {
        if (p.disputedAt() == null) {
            return null;
        }
        String owner = " (đăng ký đã xác minh: mã " + p.disputedBy() + ")";
        if (p.disputeResolution() == null) {
            return "Tranh chấp: một người khác đã xác minh số điện thoại này" + owner + ". Chưa được xét giải cho đến khi Ban Tổ chức quyết định.";
        }
        return switch (p.disputeResolution()) {
            case "merged" -> "Đã gộp vào đăng ký mã " + p.mergedInto() + ".";
            case "kept_apart" -> "Tranh chấp đã giải quyết: là hai người khác nhau" + owner + ".";
            default -> "Tranh chấp đã giải quyết: dừng quyền dự thi" + owner + ".";
        };
    }

    public void detail(Context ctx) {
        long id = QuestionsPage.parseId(ctx);
        String page = renderDetail(ctx, id, null);
        if (AdminContext.user(ctx).role().seesPersonalData) {
            jdbi.useHandle(h -> Audit.recordAccess(h, AdminContext.user(ctx), AdminContext.user(ctx).username(),
                    "Xem thông tin người dự thi", "người dự thi " + id));
        }
        ctx.html(page);
    }

    private String renderDetail(Context ctx, long id, String error) {
        Role role = AdminContext.user(ctx).role();
        Row person = jdbi.withHandle(h -> ParticipantQueries.find(h, contest().id(), id)).map(p -> row(p, role))
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("Không có người dự thi này."));
        List<Paper> papers = jdbi.withHandle(h -> ParticipantQueries.papers(h, id)).stream()
                .map(a -> new Paper(a.id(), a.round(), Texts.dateTime(a.startedAt(), contest().config().zone()),
                        a.score() + "/" + a.questionCount(),
                        a.durationMs() == null ? "—" : Texts.duration(java.time.Duration.ofMillis(a.durationMs())),
                        a.prediction() == null ? "—" : Texts.number(a.prediction()),
                        "finished".equals(a.status()) ? ("timeout".equals(a.finishReason()) ? "Hết giờ" : "Hoàn thành") : "Đang thi"))
                .toList();
        return Templates.render("participant.jte", new DetailView(AdminContext.page(ctx, contest(), person.name(), "participants"), person, papers, error));
    }

    /** The secretary called the number and the participant answered: their phone counts as verified (audited). */
    public void verify(Context ctx) {
        long id = QuestionsPage.parseId(ctx);
        boolean found = jdbi.inTransaction(h -> {
            var before = ParticipantQueries.verifyByCall(h, contest().id(), id, clock.instant());
            before.filter(Optional::isEmpty).ifPresent(none -> Audit.record(h, AdminContext.user(ctx), "Xác minh số điện thoại qua gọi điện",
                    "người dự thi " + id, Map.of("xác minh", "chưa"), Map.of("xác minh", "Ban Tổ chức gọi điện")));
            return before.isPresent();
        });
        if (!found) {
            ctx.status(HttpStatus.NOT_FOUND).result("Không có người dự thi này.");
            return;
        }
        ctx.redirect("results".equals(ctx.formParam("back")) ? "/admin/results" : "/admin/participants/" + id, HttpStatus.SEE_OTHER);
    }

    /** Settles a phone dispute: merge into the verified record, keep apart, or disqualify (audited). */
    public void resolve(Context ctx) {
        long id = QuestionsPage.parseId(ctx);
        ParticipantQueries.Resolution resolution;
        try {
            resolution = ParticipantQueries.Resolution.valueOf(String.valueOf(ctx.formParam("resolution")));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).html(renderDetail(ctx, id, "Vui lòng chọn một cách giải quyết."));
            return;
        }
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        if (resolution == ParticipantQueries.Resolution.DISQUALIFIED && (reason.length() < 5 || reason.length() > 500)) {
            ctx.status(HttpStatus.BAD_REQUEST).html(renderDetail(ctx, id, "Vui lòng ghi lý do dừng quyền dự thi (từ 5 đến 500 ký tự)."));
            return;
        }
        boolean done = jdbi.inTransaction(h -> {
            boolean resolved = ParticipantQueries.resolveDispute(h, contest().id(), id, resolution, reason, clock.instant());
            if (resolved) {
                Audit.record(h, AdminContext.user(ctx), "Giải quyết tranh chấp số điện thoại", "người dự thi " + id,
                        Map.of("tranh chấp", "chưa giải quyết"), Map.of("quyết định", resolution.name(), "ghi chú", reason));
            }
            return resolved;
        });
        if (!done) {
            ctx.status(HttpStatus.CONFLICT).html(renderDetail(ctx, id, "Không có tranh chấp nào đang chờ giải quyết với người này."));
            return;
        }
        ctx.redirect("/admin/participants/" + id, HttpStatus.SEE_OTHER);
    }

    public void disqualify(Context ctx) {
        long id = QuestionsPage.parseId(ctx);
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        if (reason.length() < 5 || reason.length() > 500) {
            ctx.status(HttpStatus.BAD_REQUEST).html(renderDetail(ctx, id, "Vui lòng ghi lý do (từ 5 đến 500 ký tự)."));
            return;
        }
        setDisqualified(ctx, id, reason);
    }

    public void requalify(Context ctx) {
        setDisqualified(ctx, QuestionsPage.parseId(ctx), null);
    }

    private void setDisqualified(Context ctx, long id, String reason) {
        boolean found = jdbi.inTransaction(h -> {
            var before = ParticipantQueries.lockDisqualification(h, contest().id(), id);
            if (before.isEmpty()) {
                return false;
            }
            ParticipantQueries.setDisqualified(h, id, reason);
            Audit.record(h, AdminContext.user(ctx), reason == null ? "Cho dự thi lại" : "Dừng quyền dự thi", "người dự thi " + id,
                    Map.of("lý do", String.valueOf(before.get().orElse(null))), Map.of("lý do", String.valueOf(reason)));
            return true;
        });
        if (!found) {
            ctx.status(HttpStatus.NOT_FOUND).result("Không có người dự thi này.");
            return;
        }
        ctx.redirect("/admin/participants/" + id, HttpStatus.SEE_OTHER);
    }
}
