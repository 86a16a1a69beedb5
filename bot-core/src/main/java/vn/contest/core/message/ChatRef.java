package vn.contest.core.message;

/** One chat: the channel ("web", "telegram", "zalo") and the platform's id of the person in it. */
public record ChatRef(String channel, String externalId) {
    /** The web chat page: a browser, perhaps a shared one, where nothing vouches for a typed phone. */
    public static final String WEB = "web";

    public boolean isWeb() {
        return WEB.equals(channel);
    }
}
