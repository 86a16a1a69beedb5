package vn.contest.zalo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.channel.Alert;
import vn.contest.core.verify.CodeBudget;
import vn.contest.core.verify.CodeSender;
import vn.contest.core.verify.PhoneCodes;

/**
 * One-time codes through the Zalo Notification Service: an approved OTP template sent to the phone number,
 * which arrives in the Zalo app of whoever owns it. The code and the phone never reach a log. Each send is
 * paid: the engine keeps to this sender's {@link CodeBudget}, and the operator is warned as the day's runs out.
 */
final class ZnsCodeSender implements CodeSender {
    private static final Logger log = LoggerFactory.getLogger(ZnsCodeSender.class);

    private final ZaloApi api;
    private final String templateId;
    private final CodeBudget budget;
    private final Jdbi jdbi;
    private final Clock clock;

    ZnsCodeSender(ZaloApi api, String templateId, CodeBudget budget, Jdbi jdbi, Clock clock) {
        this.api = api;
        this.templateId = templateId;
        this.budget = budget;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public CodeBudget budget() {
        return budget;
    }

    /**
     * From 80% of the day's budget a warning, at all of it a notice that codes have stopped until tomorrow (people
     * on the web are offered to go on unverified): codes on /health, texts on the dashboard.
     */
    Optional<Alert> budgetAlert() {
        long used;
        try {
            used = jdbi.withHandle(h -> PhoneCodes.sentToday(h, clock.instant()));
        } catch (RuntimeException e) {
            return Optional.empty(); // the database being down is /health's own alert
        }
        return switch (budget.level(used)) {
            case OK -> Optional.empty();
            case LOW -> Optional.of(new Alert("ZNS_DAILY_BUDGET_LOW", "Mã xác minh qua Zalo (ZNS): hôm nay đã gửi " + used + "/"
                    + budget.perDay() + " mã, quá " + Math.round(CodeBudget.WARN_AT * 100) + "% ngân sách ngày (ZNS_DAILY_BUDGET). "
                    + "Khi hết, người đăng ký trên web được mời bỏ qua bước xác minh đến hết ngày."));
            case SPENT -> Optional.of(new Alert("ZNS_DAILY_BUDGET_SPENT", "Mã xác minh qua Zalo (ZNS): đã gửi hết " + budget.perDay()
                    + " mã của ngân sách hôm nay (ZNS_DAILY_BUDGET); không gửi thêm mã đến hết ngày. Người đăng ký trên web vẫn đăng ký "
                    + "được mà chưa xác minh. Nếu cần, tăng ZNS_DAILY_BUDGET (mỗi mã là một tin nhắn trả phí)."));
        };
    }

    @Override
    public boolean send(String phone, String code) {
        ObjectNode body = ZaloApi.JSON.createObjectNode();
        body.put("phone", "84" + phone.substring(1));
        body.put("template_id", templateId);
        body.putObject("template_data").put("otp", code);
        body.put("tracking_id", UUID.randomUUID().toString().replace("-", ""));
        try {
            ZaloApi.Reply reply = api.sendTemplate(body);
            if (!reply.ok()) {
                log.warn("ZNS did not send a one-time code: error {} ({})", reply.error(), reply.message());
            }
            return reply.ok();
        } catch (IOException e) {
            log.warn("ZNS could not be reached to send a one-time code: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
