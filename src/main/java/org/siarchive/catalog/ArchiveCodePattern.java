package org.siarchive.catalog;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 档号 rule: a template with {fonds}, {year}, {retention}, {category}, {step}, {insurance} and
 * {seq} placeholders. The default follows DA/T 22-2015 — "-" between levels, "·" (U+00B7) within a
 * level, a four-digit zero-padded 件号. Everything before {seq} is the lowest class within which 件号
 * counts from 1 without gaps.
 */
public record ArchiveCodePattern(String pattern, int seqWidth) {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)}");
    static final java.util.Set<String> TOKENS =
            java.util.Set.of("fonds", "year", "retention", "category", "step", "insurance", "seq");

    public ArchiveCodePattern {
        if (!pattern.endsWith("{seq}")) {
            throw new IllegalArgumentException("a 档号 pattern must end with {seq}: " + pattern);
        }
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) {
            if (!TOKENS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in " + pattern);
            }
        }
    }

    /** The class part: the pattern with every value filled in, up to (not including) {seq}. */
    public String classKey(Map<String, String> values) {
        String head = pattern.substring(0, pattern.length() - "{seq}".length());
        Matcher m = TOKEN.matcher(head);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String format(String classKey, int seq) {
        String digits = Integer.toString(seq);
        if (digits.length() > seqWidth) {
            throw new IllegalStateException("件号 " + seq + " does not fit in " + seqWidth + " digits for " + classKey);
        }
        return classKey + "0".repeat(seqWidth - digits.length()) + digits;
    }
}
