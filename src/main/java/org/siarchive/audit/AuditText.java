package org.siarchive.audit;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The words people read for an entry's detail and reason: a keyed detail ({@link AuditDetail}) through the
 * message bundle, an older free text the platform wrote in English through {@link LegacyDetails}, and
 * anything else (what a person typed, a 档号) as it was written.
 */
@Component
class AuditText {

    /** An argument of a keyed detail that is itself a message key (a role, a state): {@code #key}. */
    static final String LABEL = "#";

    /** Between the labels of a list argument ({@link AuditDetail#labels}). */
    static final String AND = "、";

    private final MessageSource messages;

    AuditText(MessageSource messages) {
        this.messages = messages;
    }

    String render(@Nullable String stored, Locale locale) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        AuditDetail d = AuditDetail.decode(stored);
        if (d == null) {
            d = LegacyDetails.match(stored);
        }
        return d == null ? stored : render(d, locale);
    }

    /**
     * The detail as HTML for the screen: the same words as {@link #render}, escaped, with each argument
     * that is data (a 档号, a box number, a path, not a label) marked {@code translate="no"}.
     */
    String html(@Nullable String stored, Locale locale) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        AuditDetail d = AuditDetail.decode(stored);
        if (d == null) {
            d = LegacyDetails.match(stored);
        }
        if (d == null) {
            return HtmlUtils.htmlEscape(stored, "UTF-8");
        }
        var args = d.args();
        Object[] tokens = new Object[args.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = "\uE000" + i + "\uE001";
        }
        String pattern = messages.getMessage(d.key(), tokens, null, locale);
        if (pattern == null) {
            return HtmlUtils.htmlEscape(render(d, locale), "UTF-8");
        }
        String out = HtmlUtils.htmlEscape(pattern, "UTF-8");
        for (int i = 0; i < tokens.length; i++) {
            String a = args.get(i);
            String shown = HtmlUtils.htmlEscape(arg(a, locale), "UTF-8");
            out = out.replace(
                    (String) tokens[i], a.contains(LABEL) ? shown : "<span translate=\"no\">" + shown + "</span>");
        }
        return out;
    }

    String render(AuditDetail d, Locale locale) {
        Object[] args = d.args().stream().map(a -> arg(a, locale)).toArray();
        String text = messages.getMessage(d.key(), args, null, locale);
        return text != null ? text : String.join(" ", d.args());
    }

    /** An argument as people read it: {@code #key} parts (joined by {@link #AND}) through the bundle. */
    private String arg(String a, Locale locale) {
        if (!a.contains(LABEL)) {
            return a;
        }
        var out = new java.util.ArrayList<String>();
        for (String part : a.split(AND)) {
            out.add(part.startsWith(LABEL) && part.length() > 1 ? labelled(part.substring(1), locale) : part);
        }
        return String.join(messages.getMessage("audit.and", null, "、", locale), out);
    }

    /** {@code key} as its label, or {@code key=value} as the label with the value; unknown keys as written. */
    private String labelled(String part, Locale locale) {
        int eq = part.indexOf('=');
        String key = eq < 0 ? part : part.substring(0, eq);
        String label = messages.getMessage(key, null, null, locale);
        if (label == null) {
            return LABEL + part;
        }
        return eq < 0
                ? label
                : messages.getMessage("audit.criterion", new Object[] {label, part.substring(eq + 1)}, locale);
    }

    /** A label under {@code key}, or the fallback when the bundle has none (a code from an older release). */
    String label(String key, String fallback, Locale locale) {
        String text = messages.getMessage(key, null, null, locale);
        return text != null ? text : fallback;
    }

    /** A label with arguments under {@code key}, or null when the bundle has none. */
    @Nullable
    String labelOrNull(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, null, locale);
    }
}
