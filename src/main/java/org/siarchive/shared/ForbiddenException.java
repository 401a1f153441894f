package org.siarchive.shared;

import java.util.Arrays;
import java.util.List;

/**
 * The caller's roles would allow the action, but not at their level of the organisation tree (403);
 * the message is a message key. Used only where the object itself is visible to the caller, so that the
 * refusal reveals nothing they cannot already see.
 */
public class ForbiddenException extends RuntimeException {

    private final String messageKey;
    private final List<String> args;

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey + " " + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    public String messageKey() {
        return messageKey;
    }

    public List<String> args() {
        return args;
    }
}
