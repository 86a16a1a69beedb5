package vn.contest.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.contest.core.channel.Channel;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.contest.Contest;
import vn.contest.core.message.ChatRef;
import vn.contest.core.dialogue.Dialogue;
import vn.contest.core.message.Inbound;
import vn.contest.core.message.Outbound;
import vn.contest.core.outbox.OutboxMessage;
import vn.contest.core.outbox.OutboxStore;
import vn.contest.core.outbox.Sender;

/**
 * The participant's chat page: the page itself at {@code /}, and a small JSON API it talks to.
 *
 * <pre>
 * GET  /api/web/contest               title and window for the page header
 * POST /api/web/messages?after=N      {"id": "&lt;client message id&gt;", "text": "..."}, {"id": ..., "choice": "&lt;token&gt;"}
 *                                     or {"id": ..., "start": "&lt;unit code&gt;"} (a poster's link)
 *                                     -> the bot's messages after N
 * GET  /api/web/messages?after=N      the bot's messages after N (the page polls for the sweeper's notices)
 * </pre>
 * The client's message id makes a resent message (a retry after a dropped connection) count once.
 */
public final class WebChannel implements Channel<JavalinConfig> {
    public static final String CHANNEL = ChatRef.WEB;
    static final int MAX_TEXT = 1000;
    /** At most this many rows come back with one message or one poll; the page reads on from the last. */
    static final int READ_BACK = 200;
    /** How long a row may take from its id to its commit (a broadcast to every chat is one statement). */
    static final java.time.Duration LATE = java.time.Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final java.util.regex.Pattern UNIT_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{0,64}");
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,18}");

    static final String TOO_MANY = "Bạn gửi tin nhắn quá nhanh. Vui lòng chờ một chút rồi thử lại.";
    static final String TOO_MANY_CHATS = "Có quá nhiều lượt truy cập mới từ mạng của bạn. Vui lòng thử lại sau ít phút.";

    private final Dialogue dialogue;
    private final OutboxStore outbox;
    private final WebConfig config;
    private final WebSession session;
    private final WebLimits limits;
    private final String publicUrl;
    private final byte[] homePage;

    /**
     * {@code publicUrl} is the address people use (PUBLIC_URL), null when not set; {@code sessionKey} signs the
     * chat cookies (every instance must share it: {@code AppKeys}).
     */
    public WebChannel(Dialogue dialogue, OutboxStore outbox, WebConfig config, String publicUrl, byte[] sessionKey) {
        this(dialogue, outbox, config, publicUrl, sessionKey, Map.of());
    }

    /**
     * As above; {@code homePageMeta}: meta tags (name to content) the other channels' platforms want on the home
     * page ({@link Channel#homePageMeta}, such as a domain verification), written into the chat page's head.
     */
    public WebChannel(Dialogue dialogue, OutboxStore outbox, WebConfig config, String publicUrl, byte[] sessionKey,
                      Map<String, String> homePageMeta) {
        this.homePage = HomePage.withMeta(homePageMeta);
        this.dialogue = dialogue;
        this.outbox = outbox;
        this.config = config;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceFirst("/+$", "");
        this.session = new WebSession(config.sessionDays(), sessionKey);
        this.limits = new WebLimits(config);
    }

    @Override
    public String id() {
        return CHANNEL;
    }

    @Override
    public String label() {
        return "Trang web";
    }

    @Override
    public Sender sender() {
        return new WebSender();
    }

    /**
     * The chat page with the contest and the unit, PUBLIC_URL/?contest=CODE&unit=CODE (the page starts the chat
     * with them). Only with PUBLIC_URL set: a poster needs the whole address, which the server cannot know behind
     * a proxy.
     */
    @Override
    public Optional<String> unitLink(String contestCode, String unitCode) {
        return publicUrl == null ? Optional.empty()
                : Optional.of(publicUrl + "/?contest=" + java.net.URLEncoder.encode(contestCode, java.nio.charset.StandardCharsets.UTF_8)
                        + "&unit=" + java.net.URLEncoder.encode(unitCode, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void install(JavalinConfig config) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            sf.directory = "/web";
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "no-cache");
            // The page itself is served with the platforms' meta tags (below), not as the file.
            sf.skipFileFunction = request -> HomePage.PATHS.contains(request.getRequestURI());
        });
        for (String path : HomePage.PATHS) {
            config.routes.get(path, ctx -> ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(homePage));
        }
        config.routes.get("/api/web/contest", this::contest);
        config.routes.post("/api/web/messages", this::post);
        config.routes.get("/api/web/messages", this::poll);
    }

    /** The page's header: the contest a link names (?code=), else the first on offer. */
    private void contest(Context ctx) {
        String code = ctx.queryParam("code");
        Contest contest = code == null ? dialogue.contest()
                : dialogue.contests().stream().filter(x -> x.config().code().equalsIgnoreCase(code)).findFirst().orElse(dialogue.contest());
        ContestConfig c = contest.config();
        ctx.json(Map.of("title", c.title(), "organizer", c.organizer() == null ? "" : c.organizer(),
                "opensAt", contest.opensAt().toEpochMilli(), "closesAt", contest.closesAt().toEpochMilli()));
    }

    private void post(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (Exception e) {
            badRequest(ctx, "Nội dung gửi lên không phải JSON hợp lệ.");
            return;
        }
        if (body == null || !body.isObject()) {
            badRequest(ctx, "Nội dung gửi lên không phải JSON hợp lệ.");
            return;
        }
        String id = body.path("id").asText("");
        String text = body.path("text").isTextual() ? body.get("text").asText() : null;
        String choice = body.path("choice").isTextual() ? body.get("choice").asText() : null;
        // A poster's link (/?unit=CODE) opens the chat with a start carrying the unit, as Telegram's deep links do.
        String start = body.path("start").isTextual() ? body.get("start").asText() : null;
        if (!MESSAGE_ID.matcher(id).matches()) {
            badRequest(ctx, "Thiếu mã tin nhắn (id).");
            return;
        }
        int kinds = (text == null || text.isBlank() ? 0 : 1) + (choice == null || choice.isBlank() ? 0 : 1) + (start == null ? 0 : 1);
        if (kinds != 1) {
            badRequest(ctx, "Cần gửi đúng một trong ba: text, choice hoặc start.");
            return;
        }
        if (start != null && !UNIT_CODE.matcher(start).matches()) {
            badRequest(ctx, "Mã đơn vị không hợp lệ.");
            return;
        }
        if ((text != null && text.length() > MAX_TEXT) || (choice != null && choice.length() > 64)) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(Map.of("error", "Tin nhắn quá dài (tối đa " + MAX_TEXT + " ký tự)."));
            return;
        }
        Long after = afterParam(ctx);
        if (after == null) {
            return;
        }
        // Over a limit nothing is stored: no chat, no event, no reply.
        String address = config.proxies().clientOf(ctx.req().getRemoteAddr(),
                java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
        Optional<String> known = session.existing(ctx);
        if (known.isEmpty() && !limits.newChat(address)) {
            tooMany(ctx, TOO_MANY_CHATS);
            return;
        }
        String chatId = known.orElseGet(() -> session.start(ctx));
        if (!limits.message(address, chatId)) {
            tooMany(ctx, TOO_MANY);
            return;
        }
        ChatRef chat = new ChatRef(CHANNEL, chatId);
        String eventId = chatId + ":" + id;
        // This message's own replies come back in clear, as the turn made them; anything older the page has not
        // seen yet (a broadcast, a reminder; a client may ask from 0) is read back, in the turn's transaction, and
        // masked. A row another transaction slipped between the turn's own comes with the next poll (its late rows).
        Dialogue.Handled<List<OutboxMessage>> handled = dialogue.handleForReplies((start != null ? Inbound.start(chat, eventId, start)
                : text != null ? Inbound.text(chat, eventId, text) : Inbound.choice(chat, eventId, choice)).from(address),
                (h, turnReplies) -> OutboxStore.forChat(h, chat, after, turnReplies.stream()
                        .filter(m -> m.outbound().chat().equals(chat) && m.id() > after)
                        .mapToLong(OutboxMessage::id).min().orElse(Long.MAX_VALUE), READ_BACK));
        List<OutboxMessage> own = handled.replies().stream().filter(m -> m.outbound().chat().equals(chat) && m.id() > after).toList();
        java.util.Set<Long> ownIds = own.stream().map(OutboxMessage::id).collect(java.util.stream.Collectors.toSet());
        List<OutboxMessage> older = handled.also();
        List<WebMessage> replies = new java.util.ArrayList<>(older.stream()
                .filter(m -> !ownIds.contains(m.id())).map(WebMessage::of).map(WebMessage::masked).toList());
        if (older.size() < READ_BACK) {
            // Past a full page of older rows the page reads on from the last one it got: the turn's own replies
            // come with those rows then, or the page would jump past what it has not seen.
            own.stream().map(WebMessage::of).forEach(replies::add);
        }
        replies.sort(java.util.Comparator.comparingLong(WebMessage::id));
        if (replies.stream().anyMatch(m -> Outbound.LOGOUT.equals(m.kind()))) {
            session.end(ctx);
        }
        ctx.json(Map.of("messages", replies));
    }

    private static void tooMany(Context ctx, String message) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "10").json(Map.of("error", message));
    }

    private void poll(Context ctx) {
        Long after = afterParam(ctx);
        if (after == null) {
            return;
        }
        // A browser without a chat has nothing to read, and gets no cookie for asking.
        Optional<String> known = session.existing(ctx);
        ctx.json(Map.of("messages", known.isEmpty() ? List.of() : history(new ChatRef(CHANNEL, known.get()), after)));
    }

    /**
     * The chat's messages after {@code after}, read back later (a reload, a poll): phone numbers, birth dates and
     * ID numbers masked, so the next person at a shared computer does not read them off the history.
     */
    private List<WebMessage> history(ChatRef chat, long after) {
        // With the rows of the last two minutes the cursor may have passed: the page drops ids it has shown.
        return outbox.forChatWithLate(chat, after, java.time.Instant.now().minus(LATE), READ_BACK).stream().map(WebMessage::of).map(WebMessage::masked).toList();
    }

    private static Long afterParam(Context ctx) {
        String after = ctx.queryParam("after");
        if (after == null || after.isEmpty()) {
            return 0L;
        }
        if (!DIGITS.matcher(after).matches()) {
            badRequest(ctx, "Tham số after phải là số.");
            return null;
        }
        return Long.parseLong(after);
    }

    private static void badRequest(Context ctx, String message) {
        ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", message));
    }
}
