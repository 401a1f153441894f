package org.siarchive.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The detail of an audit entry as a message key and its arguments, so that people read it in their own
 * language (docs/adr/0050). It is stored in the entry's text column as {@code i18n:<key>|<arg>|<arg>…}
 * ({@code |} and {@code \} in an argument escaped with {@code \}): the chain hashes that text like any
 * other detail, and entries written before this type existed keep their free text.
 */
public record AuditDetail(String key, List<String> args) {

    static final String PREFIX = "i18n:";

    public AuditDetail {
        if (!key.startsWith("audit.detail.") || key.contains("|")) {
            throw new IllegalArgumentException("an audit detail key starts with audit.detail.: " + key);
        }
        args = List.copyOf(args);
    }

    /** A detail under {@code key} ({@code audit.detail.…}); arguments are kept as text, null as empty. */
    public static AuditDetail of(String key, @Nullable Object... args) {
        return new AuditDetail(
                key,
                args == null
                        ? List.of()
                        : Arrays.stream(args).map(a -> Objects.toString(a, "")).toList());
    }

    /** An argument that people read as the label under a message key (a role, a state, a purpose). */
    public static String label(String messageKey) {
        return AuditText.LABEL + messageKey;
    }

    /** An argument that people read as the labels under several message keys, as a list. */
    public static String labels(java.util.Collection<String> messageKeys) {
        return messageKeys.isEmpty()
                ? ""
                : String.join(
                        AuditText.AND,
                        messageKeys.stream().map(AuditDetail::label).toList());
    }

    /** The text the trail stores. */
    public String encoded() {
        var sb = new StringBuilder(PREFIX).append(key);
        for (String a : args) {
            sb.append('|').append(a.replace("\\", "\\\\").replace("|", "\\|"));
        }
        return sb.toString();
    }

    /** The structured detail a stored text encodes, or null for free text (older entries). */
    static @Nullable AuditDetail decode(@Nullable String stored) {
        if (stored == null || !stored.startsWith(PREFIX + "audit.detail.")) {
            return null;
        }
        var parts = new ArrayList<String>();
        var cur = new StringBuilder();
        for (int i = PREFIX.length(); i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '\\' && i + 1 < stored.length()) {
                cur.append(stored.charAt(++i));
            } else if (c == '|') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return new AuditDetail(parts.get(0), parts.subList(1, parts.size()));
    }

    @Override
    public String toString() {
        return encoded();
    }
}
