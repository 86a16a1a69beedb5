package vn.contest.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where the phone of a user_submit_info event is found, in one place because Zalo does not document the
 * event's fields: first the event's own {@code info.phone} (as some integrations see it), else the
 * {@code shared_info.phone} of /v3.0/oa/user/detail, which is documented and which we then ask for. Zalo's own
 * user-detail example writes the phone as a JSON number (841282987721), others as a string: both are read.
 */
final class SubmittedInfo {
    private SubmittedInfo() {}

    static Optional<String> phoneInEvent(JsonNode event) {
        for (JsonNode candidate : new JsonNode[] {event.path("info").path("phone"), event.path("message").path("info").path("phone")}) {
            Optional<String> phone = phone(candidate);
            if (phone.isPresent()) {
                return phone;
            }
        }
        return Optional.empty();
    }

    static Optional<String> phoneInUserDetail(JsonNode data) {
        return phone(data.path("shared_info").path("phone"));
    }

    /** A phone written as a string or as a whole number (never as a decimal: that would not be a phone). */
    private static Optional<String> phone(JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            return Optional.of(node.asText().strip());
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        return Optional.empty();
    }
}
