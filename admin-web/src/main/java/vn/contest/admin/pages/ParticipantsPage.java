package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.AdminRoute;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.admin.auth.Area;
import vn.contest.admin.auth.Role;
import vn.contest.core.contest.Contest;
import vn.contest.core.dialogue.Texts;
import vn.contest.core.text.PhoneNumbers;

/** Participants: search by name, phone or unit; one person's papers; disqualify with a reason (audited). */
public final class ParticipantsPage {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final Jdbi jdbi;
    private final Supplier<Contest> live;

    public ParticipantsPage(Jdbi jdbi, Supplier<Contest> live) {
        this.jdbi = jdbi;
        this.live = live;
    }

    public record Row(long id, String name, String birthDate, String phone, int group, String unit, String registeredAt,
                      long papers, String disqualifiedReason) {}

    public record Paper(long id, String round, String startedAt, String score, String duration, String prediction, String status) {}

    public record ListView(Page page, List<Row> rows, String q, int pageNo, boolean hasMore) {}

    public record DetailView(Page page, Row person, List<Paper> papers, String error) {}

    private Contest contest() {
        return live.get();
    }

    public void addTo(List<AdminRoute> routes) {
        routes.add(new AdminRoute(HandlerType.GET, "/admin/participants", Area.PARTICIPANTS, this::list));
        routes.add(new AdminRoute(HandlerType.GET, "/admin/participants/{id}", Area.PARTICIPANTS, this::detail));
        routes.add(new AdminRoute(HandlerType.POST, "/admin/participants/{id}/disqualify", Area.PARTICIPANTS, this::disqualify));
        routes.add(new AdminRoute(HandlerType.POST, "/admin/participants/{id}/requalify", Area.PARTICIPANTS, this::requalify));
    }

    private void list(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int pageNo = QuestionsPage.parsePage(ctx.queryParam("page"));
        String phone = PhoneNumbers.normalize(q).orElse(q.replaceAll("\\D", ""));
        Role role = AdminContext.user(ctx).role();
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(select() + """
                WHERE p.contest_id = :c AND (:q = '' OR p.full_name ILIKE '%' || :q || '%' OR u.name ILIKE '%' || :q || '%'
                      OR (length(:phone) >= 4 AND p.phone LIKE :phone || '%'))
                ORDER BY p.registered_at DESC LIMIT :limit OFFSET :offset""")
                .bind("c", contest().id()).bind("q", q).bind("phone", phone)
                .bind("limit", QuestionsPage.PAGE_SIZE + 1).bind("offset", (pageNo - 1) * QuestionsPage.PAGE_SIZE)
                .map((rs, c) -> row(rs, role)).list());
        boolean more = rows.size() > QuestionsPage.PAGE_SIZE;
        ctx.html(Templates.render("participants.jte", new ListView(AdminContext.page(ctx, contest(), "Người dự thi", "participants"),
                more ? rows.subList(0, QuestionsPage.PAGE_SIZE) : rows, q, pageNo, more)));
    }

    private static String select() {
        return """
                SELECT p.id, p.full_name, p.birth_date, p.phone, p.group_no, p.registered_at, p.disqualified_reason,
                       u.name || coalesce(', ' || parent.name, '') AS unit,
                       (SELECT count(*) FROM attempts a WHERE a.participant_id = p.id AND a.status = 'finished') AS papers
                FROM participants p JOIN units u ON u.id = p.unit_id LEFT JOIN units parent ON parent.id = u.parent_id
                """;
    }

    private Row row(java.sql.ResultSet rs, Role role) throws java.sql.SQLException {
        boolean full = role.seesPersonalData;
        return new Row(rs.getLong("id"), rs.getString("full_name"),
                full ? DATE.format(rs.getObject("birth_date", java.time.LocalDate.class)) : "**/**/****",
                full ? rs.getString("phone") : PhoneNumbers.mask(rs.getString("phone")), rs.getInt("group_no"), rs.getString("unit"),
                Texts.dateTime(rs.getTimestamp("registered_at").toInstant(), contest().config().zone()), rs.getLong("papers"),
                rs.getString("disqualified_reason"));
    }

    private void detail(Context ctx) {
        ctx.html(renderDetail(ctx, QuestionsPage.parseId(ctx), null));
    }

    private String renderDetail(Context ctx, long id, String error) {
        Role role = AdminContext.user(ctx).role();
        Row person = jdbi.withHandle(h -> h.createQuery(select() + " WHERE p.id = :id AND p.contest_id = :c")
                .bind("id", id).bind("c", contest().id()).map((rs, c) -> row(rs, role)).findOne())
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("Không có người dự thi này."));
        List<Paper> papers = jdbi.withHandle(h -> h.createQuery("""
                SELECT a.id, r.name AS round, a.started_at, a.score, a.question_count, a.duration_ms, a.prediction, a.status, a.finish_reason
                FROM attempts a JOIN rounds r ON r.id = a.round_id WHERE a.participant_id = :p ORDER BY a.started_at""")
                .bind("p", id)
                .map((rs, c) -> new Paper(rs.getLong("id"), rs.getString("round"),
                        Texts.dateTime(rs.getTimestamp("started_at").toInstant(), contest().config().zone()),
                        rs.getInt("score") + "/" + rs.getInt("question_count"),
                        rs.getObject("duration_ms") == null ? "—" : Texts.duration(java.time.Duration.ofMillis(rs.getLong("duration_ms"))),
                        rs.getObject("prediction") == null ? "—" : Texts.number(rs.getLong("prediction")),
                        "finished".equals(rs.getString("status")) ? ("timeout".equals(rs.getString("finish_reason")) ? "Hết giờ" : "Hoàn thành") : "Đang thi"))
                .list());
        return Templates.render("participant.jte", new DetailView(AdminContext.page(ctx, contest(), person.name(), "participants"), person, papers, error));
    }

    private void disqualify(Context ctx) {
        long id = QuestionsPage.parseId(ctx);
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        if (reason.length() < 5 || reason.length() > 500) {
            ctx.status(HttpStatus.BAD_REQUEST).html(renderDetail(ctx, id, "Vui lòng ghi lý do (từ 5 đến 500 ký tự)."));
            return;
        }
        setDisqualified(ctx, id, reason);
    }

    private void requalify(Context ctx) {
        setDisqualified(ctx, QuestionsPage.parseId(ctx), null);
    }

    private void setDisqualified(Context ctx, long id, String reason) {
        boolean found = jdbi.inTransaction(h -> {
            var before = h.createQuery("SELECT disqualified_reason FROM participants WHERE id = :id AND contest_id = :c FOR UPDATE")
                    .bind("id", id).bind("c", contest().id()).mapToMap().findOne();
            if (before.isEmpty()) {
                return false;
            }
            h.createUpdate("UPDATE participants SET disqualified_at = CASE WHEN :r IS NULL THEN NULL ELSE now() END, disqualified_reason = :r WHERE id = :id")
                    .bind("r", reason).bind("id", id).execute();
            Audit.record(h, AdminContext.user(ctx), reason == null ? "Cho dự thi lại" : "Dừng quyền dự thi", "người dự thi " + id,
                    Map.of("lý do", String.valueOf(before.get().get("disqualified_reason"))), Map.of("lý do", String.valueOf(reason)));
            return true;
        });
        if (!found) {
            ctx.status(HttpStatus.NOT_FOUND).result("Không có người dự thi này.");
            return;
        }
        ctx.redirect("/admin/participants/" + id, HttpStatus.SEE_OTHER);
    }
}
