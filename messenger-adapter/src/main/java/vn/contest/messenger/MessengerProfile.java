package vn.contest.messenger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The Page's Messenger profile, set at start like Telegram's command menu: the Get Started button (which an m.me
 * link needs for its ref to reach a new thread), a greeting, and a persistent menu of the commands that work in
 * every state, each a postback carrying the words a person could type.
 */
final class MessengerProfile {
    static final String GREETING = "Chào bạn! Bấm \"Bắt đầu\" để tham gia cuộc thi trực tuyến: đăng ký, làm bài thi, luyện tập và xem kết quả ngay trong Messenger.";
    /** Title and the typed words it stands for; titles within 20 characters. */
    static final List<String[]> MENU = List.of(
            new String[] {"Trợ giúp", "trợ giúp"},
            new String[] {"Thể lệ", "thể lệ"},
            new String[] {"Kết quả của tôi", "kết quả"},
            new String[] {"Luyện tập", "luyện tập"},
            new String[] {"Xem đáp án", "xem đáp án"},
            new String[] {"Cuộc thi khác", "cuộc thi khác"});

    private final MessengerApi api;

    MessengerProfile(MessengerApi api) {
        this.api = api;
    }

    static ObjectNode body() {
        ObjectNode body = MessengerApi.JSON.createObjectNode();
        body.putObject("get_started").put("payload", Payloads.GET_STARTED);
        body.putArray("greeting").addObject().put("locale", "default").put("text", GREETING);
        ObjectNode menu = body.putArray("persistent_menu").addObject();
        menu.put("locale", "default").put("composer_input_disabled", false);
        ArrayNode items = menu.putArray("call_to_actions");
        for (String[] item : MENU) {
            items.addObject().put("type", "postback").put("title", item[0]).put("payload", Payloads.words(item[1]));
        }
        return body;
    }

    /** Sets the profile; empty when Graph took it, else why not. */
    Optional<String> publish() {
        try {
            MessengerApi.Reply reply = api.setProfile(body());
            return reply.ok() ? Optional.empty() : Optional.of(reply.reason());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
