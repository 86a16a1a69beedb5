package vn.contest.admin.pages;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import vn.contest.admin.AdminContext;
import vn.contest.admin.QrCodes;
import vn.contest.admin.Templates;
import vn.contest.admin.UnitLinks;
import vn.contest.core.contest.Contest;
import vn.contest.core.contest.Unit;

/** Each unit's links and QR codes, so participation is attributed to the unit whose poster brought it. */
public final class UnitsPage {
    private final Supplier<Contest> live;
    private final UnitLinks links;

    public UnitsPage(Supplier<Contest> live, UnitLinks links) {
        this.live = live;
        this.links = links;
    }

    public record Row(String code, String name, String web, String telegram) {}

    public record View(Page page, List<Row> rows, boolean telegramKnown, boolean publicUrlKnown) {}

    private Contest contest() {
        return live.get();
    }


    public void list(Context ctx) {
        List<Row> rows = contest().units().stream()
                .map(u -> new Row(u.code(), contest().unitLabel(u.id()), links.web(u.code()), links.telegram(u.code()))).toList();
        ctx.html(Templates.render("units.jte", new View(AdminContext.page(ctx, contest(), "Đường dẫn và mã QR của đơn vị", "units"),
                rows, links.telegram("x") != null, links.publicUrl() != null && !links.publicUrl().isBlank())));
    }

    public void qr(Context ctx) {
        Unit unit = contest().unitByCode(ctx.pathParam("code"))
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("Không có đơn vị này."));
        String target = "telegram".equals(ctx.queryParam("to")) && links.telegram(unit.code()) != null
                ? links.telegram(unit.code()) : links.web(unit.code());
        ctx.header("Content-Disposition", "inline; filename=\"qr-" + unit.code() + ".png\"").contentType("image/png")
                .result(QrCodes.png(target, 600));
    }
}
