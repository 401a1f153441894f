package org.siarchive.shared;

/** The request clashes with the state of the archive (409); the message is a message key. */
public class ConflictException extends KeyedException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
