package org.siarchive.support.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What a person reads on a page: its text nodes (not script, style or what sits in a text field, which the
 * user typed), the title, and the attributes a browser shows or reads aloud (title, placeholder,
 * aria-label, alt, and the value of buttons).
 */
public final class VisibleText {

    private static final Set<String> SKIPPED = Set.of("script", "style", "textarea", "noscript", "template");
    private static final Set<String> SHOWN_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt");
    private static final Set<String> BUTTON_TYPES = Set.of("submit", "button", "reset");

    private VisibleText() {}

    /** Each piece of visible text of an HTML page, trimmed, in document order. */
    public static List<String> of(String html) {
        var doc = Jsoup.parse(html);
        var out = new ArrayList<String>();
        add(out, withoutData(doc.title(), doc));
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(org.jsoup.nodes.Node node, int depth) {
                        if (node instanceof TextNode t && !insideSkipped(t)) {
                            add(out, t.text());
                        } else if (node instanceof Element e && !insideSkipped(e)) {
                            attributes(e, out);
                        }
                    }
                },
                doc.body());
        return out;
    }

    private static void attributes(Element e, List<String> out) {
        for (String a : SHOWN_ATTRIBUTES) {
            if (e.hasAttr(a)) {
                add(out, e.attr(a));
            }
        }
        boolean button = e.tagName().equals("button")
                || (e.tagName().equals("input")
                        && BUTTON_TYPES.contains(e.attr("type").toLowerCase()));
        if (button && e.hasAttr("value") && e.tagName().equals("input")) {
            add(out, e.attr("value"));
        }
    }

    /**
     * The page title without the words the page marks as data ({@code translate="no"}: a box number, a
     * client name, an organisation code someone typed), which a title may repeat.
     */
    private static String withoutData(String title, org.jsoup.nodes.Document doc) {
        String t = title;
        for (Element data : doc.select("[translate=no]")) {
            for (String word : data.text().split("\\s+")) {
                if (!word.isBlank()) {
                    t = t.replace(word, " ");
                }
            }
        }
        return t;
    }

    /**
     * Skipped: scripts and styles, text fields (what the user typed), and elements marked
     * {@code translate="no"} — HTML's own mark for content that is data, not words of the interface.
     */
    private static boolean insideSkipped(org.jsoup.nodes.Node node) {
        for (var n = node instanceof Element e ? e : node.parent(); n != null; n = n.parent()) {
            if (n instanceof Element e && (SKIPPED.contains(e.tagName()) || "no".equals(e.attr("translate")))) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> out, String text) {
        String t = text.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
