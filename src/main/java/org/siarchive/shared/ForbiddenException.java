package org.siarchive.shared;

/**
 * The caller's roles would allow the action, but not at their level of the organisation tree (403);
 * the message is a message key. Used only where the object itself is visible to the caller, so that the
 * refusal reveals nothing they cannot already see.
 */
public class ForbiddenException extends KeyedException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
