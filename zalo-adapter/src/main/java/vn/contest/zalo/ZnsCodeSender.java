package vn.contest.zalo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.contest.core.verify.CodeSender;

/**
 * One-time codes through the Zalo Notification Service: an approved OTP template sent to the phone number,
 * which arrives in the Zalo app of whoever owns it. The code and the phone never reach a log.
 */
final class ZnsCodeSender implements CodeSender {
    private static final Logger log = LoggerFactory.getLogger(ZnsCodeSender.class);

    private final ZaloApi api;
    private final String templateId;

    ZnsCodeSender(ZaloApi api, String templateId) {
        this.api = api;
        this.templateId = templateId;
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
