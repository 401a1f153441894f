package org.siarchive.shared;

import java.util.List;

/** Input broke one or more rules; answered with 422 and every violation listed. Nothing was written. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() + " rule(s) broken: "
                + violations.stream().map(Violation::field).toList());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * The refusal a library wrapped on its way out (a JSON reader wraps what a field's deserializer
     * threw), if {@code e} or one of its causes is one.
     */
    public static java.util.Optional<InvalidInputException> within(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException i) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
