package vn.contest.site;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The public site's 404: a page in Vietnamese pointing back to the list of contests. */
public final class NotFound {
    private static final byte[] PAGE = SiteTemplates.render("not-found.jte", null).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private NotFound() {}

    /** Answers 404 with the page (H6's and H7's pages use it too for a contest that does not exist). */
    public static void page(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).contentType("text/html; charset=utf-8").result(PAGE);
    }
}
