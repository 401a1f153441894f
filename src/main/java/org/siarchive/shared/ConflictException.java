package org.siarchive.shared;

import java.util.Arrays;
import java.util.List;

/** The request clashes with the state of the archive (409); the message is a message key. */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final List<String> args;

    public ConflictException(String messageKey, Object... args) {
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
