package vn.contest.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where the phone of a user_submit_info event is found, in one place because Zalo does not document the
 * event's fields: first the event's own {@code info.phone} (as some integrations see it), else the
 * {@code shared_info.phone} of /v3.0/oa/user/detail, which is documented and which we then ask for.
 */
final class SubmittedInfo {
    private SubmittedInfo() {}

    static Optional<String> phoneInEvent(JsonNode event) {
        for (JsonNode candidate : new JsonNode[] {event.path("info").path("phone"), event.path("message").path("info").path("phone")}) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return Optional.of(candidate.asText());
            }
        }
        return Optional.empty();
    }

    static Optional<String> phoneInUserDetail(JsonNode data) {
        JsonNode phone = data.path("shared_info").path("phone");
        return phone.isTextual() && !phone.asText().isBlank() ? Optional.of(phone.asText()) : Optional.empty();
    }
}
