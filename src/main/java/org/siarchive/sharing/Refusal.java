package org.siarchive.sharing;

import java.util.Arrays;
import java.util.List;

/**
 * A verification request refused: the HTTP status, the field and the rule (message key {@code
 * sharing.rule.<rule>}), already written to the exchange register when thrown.
 */
class Refusal extends RuntimeException {

    private final int status;
    private final String field;
    private final String rule;
    private final List<String> args;

    Refusal(int status, String field, String rule, Object... args) {
        super(rule + " " + field);
        this.status = status;
        this.field = field;
        this.rule = rule;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    String rule() {
        return rule;
    }

    List<String> args() {
        return args;
    }
}
