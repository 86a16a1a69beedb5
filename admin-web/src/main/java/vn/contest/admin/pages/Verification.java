package vn.contest.admin.pages;

import java.util.List;
import java.util.Optional;
import vn.contest.core.channel.Channel;

/**
 * How a phone was verified, in the committee's words. A channel that vouched for a phone (a shared contact) is
 * named by its own label, and a one-time code by the channel that sent it, so no platform is named here.
 */
public final class Verification {
    /** What {@code PhoneCodeStep} records for a typed phone proved with a one-time code. */
    static final String BY_CODE = "web_code";
    static final String BY_COMMITTEE = "committee";

    private final List<? extends Channel<?>> channels;

    public Verification(List<? extends Channel<?>> channels) {
        this.channels = channels;
    }

    public String label(String via) {
        if (via == null) {
            return "Chưa xác minh";
        }
        if (via.equals(BY_COMMITTEE)) {
            return "Đã xác minh qua điện thoại";
        }
        if (via.equals(BY_CODE)) {
            return codeChannel().map(label -> "Đã xác minh (mã qua " + label + ")").orElse("Đã xác minh (mã xác minh)");
        }
        // Otherwise the id of the channel that vouched; one no longer served keeps its id.
        return "Đã xác minh (" + channels.stream().filter(c -> c.id().equals(via)).map(Channel::label).findFirst().orElse(via) + ")";
    }

    private Optional<String> codeChannel() {
        return channels.stream().filter(c -> c.codeSender().isPresent()).map(Channel::label).findFirst();
    }
}
