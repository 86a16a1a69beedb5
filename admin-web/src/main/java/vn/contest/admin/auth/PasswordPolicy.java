package vn.contest.admin.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.contest.core.text.Folding;

/**
 * What a committee password must be: at least 12 characters, at most 71 bytes (bcrypt takes 72 with its
 * terminating zero and no more, so a longer one could only fail or seem stronger than it is), not one of the commonly used passwords (a bundled list), not the
 * user name, and not a single character or a run of digits. Applies to ADMIN_PASSWORD as well.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 71;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Why this password cannot be used, in the committee's words; empty when it can. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Mật khẩu cần ít nhất " + MIN_LENGTH + " ký tự.");
        }
        if (tooLong(password)) {
            return Optional.of("Mật khẩu dài quá " + MAX_BYTES + " byte (khoảng " + MAX_BYTES + " chữ không dấu); hãy chọn mật khẩu ngắn hơn.");
        }
        String folded = Folding.fold(password);
        if (COMMON.contains(folded) || folded.chars().distinct().count() <= 2 || folded.matches("\\d+")
                || (username != null && !username.isBlank() && folded.contains(Folding.fold(username)))) {
            return Optional.of("Mật khẩu này quá dễ đoán (quá phổ biến, chỉ gồm chữ số, hoặc chứa tên đăng nhập). Hãy chọn mật khẩu khác.");
        }
        return Optional.empty();
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(Folding::fold).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
