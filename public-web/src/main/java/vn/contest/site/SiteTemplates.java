package vn.contest.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The public pages' precompiled jte templates (src/main/jte/site): HTML-escaped by default. */
public final class SiteTemplates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private SiteTemplates() {}

    /** Renders {@code site/<name>} with {@code view}. */
    public static String render(String name, Object view) {
        StringOutput out = new StringOutput();
        ENGINE.render("site/" + name, view, out);
        return out.toString();
    }
}
