package org.siarchive.crypto;

/** A value could not be decrypted or verified: altered data or the wrong key. Never shown to users. */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
