package org.siarchive.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Labelled;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one label source of the console (docs/adr/0056): every code shown to a person (an enum constant,
 * a status, result or permission code) is printed through the message bundles, in the reader's language.
 * In templates: {@code ${@labels.of(item.state)}} for an enum (key {@code enum.<SimpleName>.<NAME>} or a
 * {@link Labelled} enum's own key) and {@code ${@labels.of('lending.status', r.status)}} for a code kept
 * as text (key {@code <prefix>.<code>}). A code without a label is printed as it is, and the label test
 * (ConsoleLabelsIT) fails on it.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of an enum constant (or of any {@link Labelled} value); empty for null. */
    public String of(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        return text(keyOf(value), String.valueOf(value));
    }

    /** The label of a code kept as text, under the key {@code prefix + "." + code}; empty for null. */
    public String of(String prefix, @Nullable Object code) {
        if (code == null || code.toString().isEmpty()) {
            return "";
        }
        String c = code instanceof Enum<?> e ? e.name() : code.toString();
        return text(prefix + "." + c, c);
    }

    /** Whether the code has a label (for pages that must show something else when it has none). */
    public boolean has(String prefix, @Nullable Object code) {
        return code != null
                && messages.getMessage(prefix + "." + code, null, null, LocaleContextHolder.getLocale()) != null;
    }

    /** The message key of a value's label. */
    public static String keyOf(Object value) {
        if (value instanceof Labelled l) {
            return l.labelKey();
        }
        if (value instanceof Enum<?> e) {
            return "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        return "enum." + value.getClass().getSimpleName() + "." + value;
    }

    private String text(String key, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, fallback, locale);
    }
}
