package vn.contest.admin.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.contest.admin.AdminContext;
import vn.contest.admin.Audit;
import vn.contest.admin.Templates;
import vn.contest.admin.auth.AdminUser;
import vn.contest.admin.auth.AdminUsers;
import vn.contest.admin.auth.Grants;
import vn.contest.admin.auth.PasswordPolicy;
import vn.contest.admin.auth.Passwords;
import vn.contest.admin.auth.Sessions;
import vn.contest.admin.auth.Role;
import vn.contest.core.contest.Contest;

/**
 * Committee accounts (administrators only): create one with a role in the contest being looked at, give an
 * existing account a role in it, switch one off. Quản trị opens every contest; others only those granted.
 */
public final class UsersPage {
    private final AdminUsers users;
    private final Jdbi jdbi;
    private final Supplier<Contest> live;
    private final Supplier<List<Contest>> contests;

    public UsersPage(AdminUsers users, Jdbi jdbi, Supplier<Contest> live, Supplier<List<Contest>> contests) {
        this.users = users;
        this.jdbi = jdbi;
        this.live = live;
        this.contests = contests;
    }

    public record View(Page page, List<AdminUser> users, List<Role> roles, Map<Long, List<String>> grants, String error, String notice) {}

    private Contest contest() {
        return live.get();
    }

    public void show(Context ctx) {
        ctx.html(render(ctx, null, ctx.queryParam("notice")));
    }

    public void passwordForm(Context ctx) {
        ctx.html(passwordPage(ctx, null, null));
    }

    private String render(Context ctx, String error, String notice) {
        return Templates.render("users.jte", new View(AdminContext.page(ctx, contest(), "Tài khoản", "users"), users.all(),
                List.of(Role.values()), new Grants(jdbi).describe(contests.get()), error, notice));
    }

    public void create(Context ctx) {
        String username = String.valueOf(ctx.formParam("username")).strip().toLowerCase();
        String password = String.valueOf(ctx.formParam("password"));
        Role role;
        try {
            role = Role.valueOf(String.valueOf(ctx.formParam("role")));
        } catch (IllegalArgumentException e) {
            role = null;
        }
        String error = !username.matches("[a-z0-9._-]{3,32}") ? "Tên đăng nhập gồm 3-32 chữ thường, số, dấu chấm, gạch."
                : PasswordPolicy.problem(password, username).isPresent() ? PasswordPolicy.problem(password, username).get()
                : role == null ? "Vui lòng chọn vai trò."
                : users.byUsername(username).isPresent() ? "Tên đăng nhập này đã có." : null;
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, error, null));
            return;
        }
        AdminUser created = users.create(username, role, password, contest().id());
        jdbi.useTransaction(h -> {
            Audit.record(h, AdminContext.user(ctx), "Tạo tài khoản", created.username(), null,
                    Map.of("vai trò", created.role().label, "cuộc thi", contest().config().code()));
        });
        ctx.redirect("/admin/users?notice=" + java.net.URLEncoder.encode("Đã tạo tài khoản " + username + ".",
                java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    /** Gives an existing account a role in the contest being looked at (Quản trị needs none: they open every contest). */
    public void grant(Context ctx) {
        String username = String.valueOf(ctx.formParam("username")).strip().toLowerCase();
        Optional<AdminUser> user = users.byUsername(username);
        Role role;
        try {
            role = Role.valueOf(String.valueOf(ctx.formParam("role")));
        } catch (IllegalArgumentException e) {
            role = null;
        }
        String error = user.isEmpty() ? "Không có tài khoản " + username + "."
                : role == null || role == Role.ADMIN ? "Vui lòng chọn vai trò Thư ký, Soạn thảo hoặc Xem."
                : user.get().role() == Role.ADMIN ? "Tài khoản Quản trị đã mở được mọi cuộc thi." : null;
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, error, null));
            return;
        }
        Role granted = role;
        jdbi.useTransaction(h -> {
            Grants.grant(h, user.get().id(), contest().id(), granted);
            Audit.record(h, AdminContext.user(ctx), "Giao cuộc thi cho tài khoản", username, null,
                    Map.of("vai trò", granted.label, "cuộc thi", contest().config().code()));
        });
        ctx.redirect("/admin/users?notice=" + java.net.URLEncoder.encode("Đã giao cuộc thi này cho " + username + ".",
                java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    public record PasswordView(Page page, String error, String notice) {}

    private String passwordPage(Context ctx, String error, String notice) {
        return Templates.render("password.jte", new PasswordView(AdminContext.page(ctx, live.get(), "Đổi mật khẩu", "password"), error, notice));
    }

    /** One's own password: the current one is asked again, so a forgotten open session cannot be taken over. */
    public void changePassword(Context ctx) {
        AdminUser me = AdminContext.user(ctx);
        String current = String.valueOf(ctx.formParam("current"));
        String next = String.valueOf(ctx.formParam("next"));
        String hash = users.passwordHash(me.username()).orElse("");
        String error = !Passwords.matches(current, hash) ? "Mật khẩu hiện tại không đúng."
                : PasswordPolicy.problem(next, me.username()).isPresent() ? PasswordPolicy.problem(next, me.username()).get()
                : !next.equals(String.valueOf(ctx.formParam("repeat"))) ? "Hai lần nhập mật khẩu mới không khớp." : null;
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST).html(passwordPage(ctx, error, null));
            return;
        }
        users.setPassword(me.id(), next, ctx.cookie(Sessions.COOKIE));
        jdbi.useHandle(h -> Audit.record(h, me, "Đổi mật khẩu", "tài khoản " + me.username(), null, null));
        ctx.html(passwordPage(ctx, null, "Đã đổi mật khẩu."));
    }

    public void toggle(Context ctx) {
        long id = QuestionsPage.parseId(ctx);
        boolean active = "true".equals(ctx.formParam("active"));
        if (id == AdminContext.user(ctx).id() && !active) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, "Không thể tự khóa tài khoản đang dùng.", null));
            return;
        }
        Optional<Boolean> before = users.activeState(id);
        if (before.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(render(ctx, "Không có tài khoản này.", null));
            return;
        }
        users.setActive(id, active);
        jdbi.useHandle(h -> Audit.record(h, AdminContext.user(ctx), active ? "Mở tài khoản" : "Khóa tài khoản", "tài khoản " + id,
                Map.of("hoạt động", before.get()), Map.of("hoạt động", active)));
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }
}
