package org.siarchive.shared;

/**
 * Stored content failed its fixity check while being read: the archive must not hand it out. Answered
 * with 500 and a problem type of its own so monitoring can tell it from other errors.
 */
public class IntegrityException extends RuntimeException {

    private final String subject;

    public IntegrityException(String subject, Throwable cause) {
        super("fixity check failed for " + subject, cause);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
