package org.siarchive.shared;

import java.util.Arrays;
import java.util.List;

/** A refusal whose message is a message key and its arguments, worded in the caller's language at the door. */
public abstract class KeyedException extends RuntimeException {

    private final String messageKey;
    private final List<String> args;

    protected KeyedException(String messageKey, Object... args) {
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
