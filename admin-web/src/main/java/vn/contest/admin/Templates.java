package vn.contest.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The precompiled jte templates (src/main/jte): HTML-escaped by default. */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    public static String render(String template, Object view) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, view, out);
        return out.toString();
    }
}
