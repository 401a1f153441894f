package org.siarchive.shared;

import java.util.List;

/**
 * One broken rule on one input field. {@code rule} is a stable machine code; {@code messageKey} and
 * {@code args} are resolved to Chinese (default) or English text at the edge.
 */
public record Violation(String field, String rule, String messageKey, List<String> args) {

    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String field, String rule, Object... args) {
        return new Violation(
                field,
                rule,
                "rule." + rule,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
