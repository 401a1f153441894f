package org.siarchive.crypto;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The key that encrypts one backup: derived from the master key and the backup's own random salt with
 * HMAC-SM3, so every backup has a different key and restoring needs the master key — which is never in
 * the backup, but in the key escrow ({@link KeyEscrow}) or with the operator. Files are SM4-GCM in chunks
 * ({@link ChunkedSm4Gcm}); a key check value tells a wrong key apart from damage before anything is read.
 */
public final class BackupCipher {

    public static final int SALT_BYTES = 16;
    private static final byte[] LABEL = "siarchive-backup-key-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK = "siarchive-backup-key-check".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;

    private BackupCipher(byte[] key) {
        this.key = key;
    }

    /** A fresh random salt for a new backup. */
    public static byte[] newSalt() {
        return Sm4Gcm.random(SALT_BYTES);
    }

    /** The backup key for {@code salt}: the first 16 bytes of HMAC-SM3(master key, label ‖ salt). */
    public static BackupCipher derive(MasterKey master, byte[] salt) {
        byte[] message = new byte[LABEL.length + salt.length];
        System.arraycopy(LABEL, 0, message, 0, LABEL.length);
        System.arraycopy(salt, 0, message, LABEL.length, salt.length);
        return new BackupCipher(java.util.Arrays.copyOf(Sm3.hmac(master.bytes(), message), Sm4Gcm.KEY_BYTES));
    }

    /** A value stored in the manifest that proves the key, revealing nothing about it. */
    public String keyCheck() {
        return Sm3.hex(Sm3.hmac(key, CHECK));
    }

    public boolean opens(String keyCheck) {
        return MessageDigest.isEqual(
                keyCheck().getBytes(StandardCharsets.US_ASCII), keyCheck.getBytes(StandardCharsets.US_ASCII));
    }

    /** HMAC-SM3 of the manifest's text under the backup key: a manifest altered after writing is found. */
    public String mac(String text) {
        return Sm3.hex(Sm3.hmac(key, text.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean macMatches(String text, String mac) {
        return MessageDigest.isEqual(
                mac(text).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    /** Encrypts what is written to the stream; {@code name} (the file's path in the backup) is bound in. */
    public OutputStream encrypting(OutputStream out, String name) {
        return new ChunkedSm4Gcm.Encrypting(out, key, name);
    }

    /** Decrypts and authenticates; a wrong key, a changed byte, a swapped or cut file throw {@link CryptoException}. */
    public InputStream decrypting(InputStream in, String name) {
        return new ChunkedSm4Gcm.Decrypting(in, key, name);
    }
}
