package vn.contest.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chat page (web/index.html) as served at {@link #PATH}, with the meta tags the platforms' consoles ask for to
 * verify the domain written into its head, escaped (the site's front page carries them too). Built once at start.
 */
final class HomePage {
    static final String PATH = "/thi";
    private static final String RESOURCE = "/web/index.html";
    private static final String AFTER = "<meta charset=\"utf-8\">";

    private HomePage() {}

    static byte[] withMeta(Map<String, String> meta) {
        String page;
        try (InputStream in = HomePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the web-adapter jar");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!page.contains(AFTER)) {
            throw new IllegalStateException(RESOURCE + " lost its " + AFTER + ", after which the meta tags go");
        }
        StringBuilder tags = new StringBuilder();
        new TreeMap<>(meta).forEach((name, content) -> tags.append("\n  <meta name=\"").append(escape(name))
                .append("\" content=\"").append(escape(content)).append("\" />"));
        return page.replace(AFTER, AFTER + tags).getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
