package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * axe-core (Deque's rules for WCAG 2.x A/AA and best practice) run in the page as it stands, for any browser test:
 * {@code Accessibility.assertNoSeriousViolations(driver, "chat page, phone")}. The script is the axe.min.js bundled
 * in com.deque.html.axe-core:selenium, read from the test class path, so nothing is fetched.
 */
final class Accessibility {
    private static final String AXE_RESOURCE = "/axe.min.js";
    private static final List<String> SERIOUS = List.of("serious", "critical");
    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)");
    private static volatile String axeSource;

    // Runs every rule axe runs by default (no experimental ones) and hands back only what failed, flattened to
    // plain lists and strings so Selenium can return it.
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
              done(r.violations.map(function (v) {
                return { id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.map(function (n) {
                  return { target: n.target.join(' '), summary: (n.failureSummary || '').replace(/\\s+/g, ' ') };
                }) };
              }));
            }, function (e) { done('axe failed: ' + e); });
            """;

    private Accessibility() {}

    /** One rule the page breaks: axe's id, its impact (minor, moderate, serious, critical), and where. */
    record Violation(String id, String impact, String help, List<String> targets, List<String> summaries) {
        boolean serious() {
            return SERIOUS.contains(impact);
        }

        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + String.join(", ", targets)
                    + (summaries.isEmpty() ? "" : " — " + summaries.get(0));
        }
    }

    /** Every violation axe finds in the page now, whatever its impact. */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(WebDriver driver) {
        var js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript(RUN);
        if (!(result instanceof List<?> list)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        return list.stream().map(o -> (Map<String, Object>) o).map(v -> {
            var nodes = (List<Map<String, Object>>) v.get("nodes");
            return new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    nodes.stream().map(n -> (String) n.get("target")).toList(),
                    nodes.stream().map(n -> (String) n.get("summary")).filter(s -> !s.isBlank()).toList());
        }).toList();
    }

    /** Fails listing each serious or critical violation (id, impact, the elements) found in the page now. */
    static void assertNoSeriousViolations(WebDriver driver, String where) {
        List<Violation> serious = violations(driver).stream().filter(Violation::serious).toList();
        if (!serious.isEmpty()) {
            fail(where + " (" + driver.getCurrentUrl() + "): " + serious.size() + " serious or critical accessibility violation(s):\n  "
                    + serious.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /**
     * The keyboard focus on {@code e} shows: an outline of at least 2 px (not the browser's faint default, not
     * nothing) whose colour stands out at least 3:1 (WCAG 1.4.11) against the white of the page around it.
     */
    static void assertVisibleFocus(WebDriver driver, WebElement e) {
        @SuppressWarnings("unchecked")
        List<Object> style = (List<Object>) ((JavascriptExecutor) driver).executeScript("""
                var s = getComputedStyle(arguments[0]);
                return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor];""", e);
        String what = "the focused " + e.getTagName() + " " + style;
        assertFalse(style.get(0).equals("none") || style.get(0).equals("auto"), what + " shows an outline of its own");
        assertTrue(((Number) style.get(1)).doubleValue() >= 2, what + ": the outline is at least 2px");
        double ratio = contrast(luminance((String) style.get(2)), 1.0);
        assertTrue(ratio >= 3, what + ": the outline's contrast against white is " + String.format("%.2f", ratio) + ":1");
    }

    private static double luminance(String cssColor) {
        Matcher m = RGB.matcher(cssColor);
        if (!m.find()) {
            throw new IllegalArgumentException("not an rgb() colour: " + cssColor);
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(m.group(i + 1)) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static String source() {
        String s = axeSource;
        if (s == null) {
            try (InputStream in = Accessibility.class.getResourceAsStream(AXE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(AXE_RESOURCE + " is not on the test class path (com.deque.html.axe-core:selenium)");
                }
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            axeSource = s;
        }
        return s;
    }
}
