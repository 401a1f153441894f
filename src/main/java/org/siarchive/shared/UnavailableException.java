package org.siarchive.shared;

/**
 * The platform cannot answer now without breaking one of its guarantees (e.g. an access entry that could not be
 * written): 503, the message key names why; the caller may try again.
 */
public class UnavailableException extends KeyedException {

    public UnavailableException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
