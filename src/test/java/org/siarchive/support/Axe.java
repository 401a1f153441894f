package org.siarchive.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * axe-core (Deque's accessibility rules, WCAG 2.1 A and AA) run in a Playwright page. The script comes from the
 * {@code org.webjars.npm:axe-core} test dependency; it is handed to the page through the DevTools protocol, which
 * the pages' Content-Security-Policy does not govern, so no page needs to allow it.
 *
 * <p>{@link #assertNoSeriousViolations(Page)} fails on any violation of impact "serious" or "critical" and lists
 * each one: rule, impact, help text, the elements (CSS selector and a piece of their HTML) and axe's summary of
 * how to fix it. {@link #seriousViolations(Page)} gives the same list for a test that reports rather than fails.
 */
public final class Axe {

    /** The WCAG 2.0/2.1 A and AA rules, the level issue 19 asks for. */
    private static final String RUN =
            """
            async () => {
              const r = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                resultTypes: ['violations']
              });
              return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary || '' }))
              }));
            }""";

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    private static volatile String script;

    private Axe() {}

    /** One element that breaks a rule. */
    public record Node(String target, String html, String summary) {}

    /** One rule broken on the page, with the elements that break it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<Node> nodes) {

        @Override
        public String toString() {
            var out = new StringBuilder()
                    .append("[")
                    .append(impact)
                    .append("] ")
                    .append(rule)
                    .append(": ")
                    .append(help)
                    .append(" (")
                    .append(helpUrl)
                    .append(")");
            for (var n : nodes) {
                out.append("\n    at ").append(n.target()).append("  ").append(abbreviate(n.html(), 200));
                if (!n.summary().isEmpty()) {
                    out.append("\n       ").append(n.summary().replace("\n", "\n       "));
                }
            }
            return out.toString();
        }
    }

    /** Fails, listing them, when the page as it stands has any serious or critical violation. */
    public static void assertNoSeriousViolations(Page page) {
        var found = seriousViolations(page);
        if (!found.isEmpty()) {
            throw new AssertionError(report(page, found));
        }
    }

    /** The serious and critical violations on the page as it stands (the page's current DOM, viewport and focus). */
    public static List<Violation> seriousViolations(Page page) {
        return violations(page).stream()
                .filter(v -> SERIOUS.contains(v.impact()))
                .toList();
    }

    /** Every violation axe reports on the page, whatever its impact. */
    public static List<Violation> violations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(script());
        }
        var out = new ArrayList<Violation>();
        for (Object o : (List<?>) page.evaluate(RUN)) {
            var v = (Map<?, ?>) o;
            var nodes = new ArrayList<Node>();
            for (Object n : (List<?>) v.get("nodes")) {
                var m = (Map<?, ?>) n;
                nodes.add(new Node(text(m, "target"), text(m, "html"), text(m, "summary")));
            }
            out.add(new Violation(
                    text(v, "id"), text(v, "impact"), text(v, "help"), text(v, "helpUrl"), List.copyOf(nodes)));
        }
        return List.copyOf(out);
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    /** A readable list of the violations found on the page. */
    public static String report(Page page, List<Violation> found) {
        var size = page.viewportSize();
        var out = new StringBuilder()
                .append("axe-core found ")
                .append(found.size())
                .append(" violation(s) on ")
                .append(page.url());
        if (size != null) {
            out.append(" at ").append(size.width).append(" × ").append(size.height);
        }
        for (var v : found) {
            out.append("\n  ").append(v);
        }
        return out.toString();
    }

    /** The axe-core version the checks run (from the webjar's Maven metadata). */
    public static String version() {
        try (InputStream in =
                Axe.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar is not on the test class path");
            }
            var p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String script() {
        if (script == null) {
            String path = "/META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js";
            try (InputStream in = Axe.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no " + path + " on the test class path");
                }
                // wrapped in a function so that Playwright runs it as a statement list, whatever it ends with
                script = "() => {\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n}";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }
}
