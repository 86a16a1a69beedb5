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
import vn.contest.core.channel.PageIdentity;
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
 * The participant's chat page: the page itself at {@code /thi} ({@link #CHAT_PATH}; the site's front page at
 * {@code /} is the public site's, which sends a chat link printed before, {@code /?contest=...}, here), and a small
 * JSON API it talks to.
 *
 * <pre>
 * GET  /api/web/contest               title and window for the page header
 * POST /api/web/messages?after=N      {"id": "&lt;client message id&gt;", "text": "..."}, {"id": ..., "choice": "&lt;token&gt;"}
 *                                     or {"id": ..., "start": "&lt;unit code&gt;"} (a poster's link)
 *                                     -> the bot's messages after N
 * GET  /api/web/messages?after=N      the bot's messages after N (the page polls for the sweeper's notices)
 * POST /api/web/session               {"channel": "telegram", "proof": "&lt;initData&gt;"}: a page a platform opened in its
 *                                     own app (Telegram's Mini App) proves its chat ({@link PageIdentity}) and gets
 *                                     {"session": token, "after": N}; with the token in {@link PageSession#HEADER}
 *                                     the two routes above act as that chat instead of the cookie's
 * </pre>
 * The client's message id makes a resent message (a retry after a dropped connection) count once. A page acting
 * as a platform's chat gets its turns' replies here, as the web page does, and they are recorded as delivered in
 * the same transaction: no platform message is sent for them.
 */
public final class WebChannel implements Channel<JavalinConfig> {
    public static final String CHANNEL = ChatRef.WEB;
    /** Where the chat page is served; a query (a poster's ?contest=CODE&unit=CODE) is read by the page itself. */
    public static final String CHAT_PATH = HomePage.PATH;
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
    static final String NO_PAGE_IDENTITY = "Trang thi trong ứng dụng này chưa được bật. Vui lòng thi trong cuộc trò chuyện với bot.";
    static final String PAGE_SESSION_ENDED = "Phiên thi trong ứng dụng đã hết hạn. Vui lòng đóng trang và mở lại từ cuộc trò chuyện với bot.";

    private final Dialogue dialogue;
    private final OutboxStore outbox;
    private final WebConfig config;
    private final WebSession session;
    private final WebLimits limits;
    private final PageSession pages;
    /** The platforms whose in-app pages may act as their chats, by channel. */
    private final Map<String, PageIdentity> identities;
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
        this(dialogue, outbox, config, publicUrl, sessionKey, homePageMeta, List.of());
    }

    /**
     * As above; {@code identities}: the platforms' in-app pages ({@link Channel#pageIdentity}) that may act as their
     * chats once their proof is checked (the Telegram Mini App).
     */
    public WebChannel(Dialogue dialogue, OutboxStore outbox, WebConfig config, String publicUrl, byte[] sessionKey,
                      Map<String, String> homePageMeta, List<PageIdentity> identities) {
        this.identities = identities.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(PageIdentity::channel, i -> i));
        this.pages = new PageSession(sessionKey, java.time.Clock.systemUTC());
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
     * The chat page with the contest and the unit, PUBLIC_URL/thi?contest=CODE&unit=CODE (the page starts the chat
     * with them). Only with PUBLIC_URL set: a poster needs the whole address, which the server cannot know behind
     * a proxy.
     */
    @Override
    public Optional<String> unitLink(String contestCode, String unitCode) {
        return publicUrl == null ? Optional.empty() : joinLink(contestCode, Optional.of(unitCode));
    }

    /** The chat page with the contest (and the unit), under PUBLIC_URL when it is set, else relative to the site. */
    @Override
    public Optional<String> joinLink(String contestCode, Optional<String> unitCode) {
        return Optional.of((publicUrl == null ? "" : publicUrl) + CHAT_PATH + "?contest=" + encode(contestCode)
                + unitCode.map(u -> "&unit=" + encode(u)).orElse(""));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void install(JavalinConfig config) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            sf.directory = "/web";
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "no-cache");
            // The page itself is served at CHAT_PATH with the platforms' meta tags (below), not as the file; the
            // site's front page at / and /index.html is the public site's.
            sf.skipFileFunction = request -> "/".equals(request.getRequestURI()) || "/index.html".equals(request.getRequestURI());
        });
        config.routes.get(CHAT_PATH, ctx -> {
            letPlatformsFrame(ctx);
            ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(homePage);
        });
        config.routes.get("/api/web/contest", this::contest);
        config.routes.post("/api/web/messages", this::post);
        config.routes.get("/api/web/messages", this::poll);
        config.routes.post("/api/web/session", this::openPage);
    }

    /**
     * The chat page, which the server's headers forbid any site to frame, may be framed by the web clients of the
     * platforms whose in-app page it is (Telegram Web), and only by them.
     */
    private void letPlatformsFrame(Context ctx) {
        String origins = identities.values().stream().flatMap(i -> i.frameAncestors().stream()).distinct()
                .collect(java.util.stream.Collectors.joining(" "));
        String csp = ctx.res().getHeader("Content-Security-Policy");
        if (origins.isEmpty() || csp == null || !csp.contains("frame-ancestors 'none'")) {
            return;
        }
        ctx.header("Content-Security-Policy", csp.replace("frame-ancestors 'none'", "frame-ancestors " + origins));
        // X-Frame-Options knows no list of origins: the policy above says it all.
        ctx.res().setHeader("X-Frame-Options", null);
    }

    /**
     * A platform's in-app page hands over its proof; a genuine one gets a token acting as the chat it names, and
     * the last row id of that chat, from which the page shows what comes next (the platform's chat keeps the rest).
     * Nothing of the proof is logged: it carries the person's name.
     */
    private void openPage(Context ctx) {
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        if (!body.path("channel").isTextual() || !body.path("proof").isTextual()) {
            badRequest(ctx, "Cần gửi channel và proof.");
            return;
        }
        PageIdentity identity = identities.get(body.get("channel").asText());
        if (identity == null) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", NO_PAGE_IDENTITY));
            return;
        }
        PageIdentity.Verdict verdict = identity.verify(body.get("proof").asText());
        if (verdict instanceof PageIdentity.Refused refused) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", refused.message()));
            return;
        }
        PageIdentity.Proved proved = (PageIdentity.Proved) verdict;
        if (!proved.chat().channel().equals(identity.channel())) {
            // A platform vouches for its own chats only.
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", NO_PAGE_IDENTITY));
            return;
        }
        ctx.json(Map.of("session", pages.open(proved.chat(), proved.validUntil()), "after", outbox.lastId(proved.chat())));
    }

    /** The request's body as JSON; null once the request is answered 400 because it is not JSON at all. */
    private static JsonNode jsonBody(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.bodyAsBytes());
            if (body != null) {
                return body;
            }
        } catch (Exception e) {
            // Answered below, the same as an empty body.
        }
        badRequest(ctx, "Nội dung gửi lên không phải JSON hợp lệ.");
        return null;
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
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        if (!body.isObject()) {
            badRequest(ctx, "Nội dung gửi lên không phải JSON hợp lệ.");
            return;
        }
        String id = body.path("id").asText("");
        String text = body.path("text").isTextual() ? body.get("text").asText() : null;
        String choice = body.path("choice").isTextual() ? body.get("choice").asText() : null;
        // A poster's link (/thi?unit=CODE) opens the chat with a start carrying the unit, as Telegram's deep links do.
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
        String token = ctx.header(PageSession.HEADER);
        ChatRef chat;
        String eventId;
        if (token != null) {
            // A platform's in-app page: its token, never the cookie, names the chat; a bad one acts as nobody.
            Optional<ChatRef> bound = pages.chatOf(token);
            if (bound.isEmpty()) {
                pageSessionEnded(ctx);
                return;
            }
            chat = bound.get();
            if (!limits.message(address, chat.channel() + ":" + chat.externalId())) {
                tooMany(ctx, TOO_MANY);
                return;
            }
            // Apart from the platform's own event ids ("u123" on Telegram).
            eventId = "page:" + chat.externalId() + ":" + id;
        } else {
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
            chat = new ChatRef(CHANNEL, chatId);
            eventId = chatId + ":" + id;
        }
        boolean inPage = !chat.isWeb();
        // This message's own replies come back in clear, as the turn made them; anything older the page has not
        // seen yet (a broadcast, a reminder; a client may ask from 0) is read back, in the turn's transaction, and
        // masked: only when the chat had a message newer than the page's last (the reply's insert says), so the usual
        // answer costs no read. A row another transaction slipped between the turn's own comes with the next poll (its
        // late rows).
        Dialogue.Handled<List<OutboxMessage>> handled = dialogue.handleForReplies((start != null ? Inbound.start(chat, eventId, start)
                : text != null ? Inbound.text(chat, eventId, text) : Inbound.choice(chat, eventId, choice)).from(address),
                (h, turnReplies, newestBefore) -> {
                    if (inPage) {
                        // Shown in this page, not sent through the platform: delivered as the turn commits.
                        OutboxStore.deliveredInPage(h, turnReplies.stream().filter(m -> m.outbound().chat().equals(chat))
                                .map(OutboxMessage::id).toList());
                    }
                    if (newestBefore <= after) {
                        return List.of(); // the usual answer: the page has seen everything older than this turn
                    }
                    return OutboxStore.forChat(h, chat, after, turnReplies.stream()
                            .filter(m -> m.outbound().chat().equals(chat) && m.id() > after)
                            .mapToLong(OutboxMessage::id).min().orElse(Long.MAX_VALUE), READ_BACK);
                });
        List<OutboxMessage> own = handled.replies().stream().filter(m -> m.outbound().chat().equals(chat) && m.id() > after).toList();
        java.util.Set<Long> ownIds = own.stream().map(OutboxMessage::id).collect(java.util.stream.Collectors.toSet());
        List<OutboxMessage> older = handled.also();
        List<WebMessage> replies = new java.util.ArrayList<>(older.stream()
                .filter(m -> !ownIds.contains(m.id()) && !m.outbound().isEdit()).map(WebMessage::of).map(WebMessage::masked).toList());
        if (older.size() < READ_BACK) {
            // Past a full page of older rows the page reads on from the last one it got: the turn's own replies
            // come with those rows then, or the page would jump past what it has not seen.
            own.stream().map(WebMessage::of).forEach(replies::add);
        }
        replies.sort(java.util.Comparator.comparingLong(WebMessage::id));
        if (!inPage && replies.stream().anyMatch(m -> Outbound.LOGOUT.equals(m.kind()))) {
            session.end(ctx);
        }
        messages(ctx, replies);
    }

    /** The page's messages, as {@code ctx.json(Map.of("messages", messages))} would write them. */
    private static void messages(Context ctx, List<WebMessage> messages) {
        ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON).result(WebMessage.json(messages));
    }

    private static void tooMany(Context ctx, String message) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "10").json(Map.of("error", message));
    }

    private void poll(Context ctx) {
        Long after = afterParam(ctx);
        if (after == null) {
            return;
        }
        String token = ctx.header(PageSession.HEADER);
        if (token != null) {
            Optional<ChatRef> bound = pages.chatOf(token);
            if (bound.isEmpty()) {
                pageSessionEnded(ctx);
                return;
            }
            messages(ctx, history(bound.get(), after));
            return;
        }
        // A browser without a chat has nothing to read, and gets no cookie for asking.
        Optional<String> known = session.existing(ctx);
        messages(ctx, known.isEmpty() ? List.of() : history(new ChatRef(CHANNEL, known.get()), after));
    }

    private static void pageSessionEnded(Context ctx) {
        ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", PAGE_SESSION_ENDED));
    }

    /**
     * The chat's messages after {@code after}, read back later (a reload, a poll): phone numbers, birth dates and
     * ID numbers masked, so the next person at a shared computer does not read them off the history.
     */
    private List<WebMessage> history(ChatRef chat, long after) {
        // With the rows of the last two minutes the cursor may have passed: the page drops ids it has shown.
        // A platform's chat also holds its edits of earlier messages (Telegram's answered questions): not for a page.
        return outbox.forChatWithLate(chat, after, java.time.Instant.now().minus(LATE), READ_BACK).stream().filter(m -> !m.outbound().isEdit())
                .map(WebMessage::of).map(WebMessage::masked).toList();
    }

    private static Long afterParam(Context ctx) {
        String after = queryParam(ctx.req().getQueryString(), "after");
        if (after == null || after.isEmpty()) {
            return 0L;
        }
        if (!DIGITS.matcher(after).matches()) {
            badRequest(ctx, "Tham số after phải là số.");
            return null;
        }
        return Long.parseLong(after);
    }

    /**
     * The first value of {@code name} in a query string, decoded, as {@code ctx.queryParam} reads it (which decodes the
     * whole query into a map first; this runs on every message).
     */
    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** Decoded; a malformed escape is left as it came, for the caller's check to refuse. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static void badRequest(Context ctx, String message) {
        ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", message));
    }
}
