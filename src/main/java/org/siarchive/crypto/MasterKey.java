package org.siarchive.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption key: 16 bytes for SM4, read from the environment ({@code SIARCHIVE_MASTER_KEY},
 * hex or Base64) or from a key file. It never enters the database; the data keys there are wrapped
 * under it. Without either, the first start writes a new key file (owner-only) and says so loudly.
 */
public final class MasterKey {

    public static final String ENVIRONMENT = "SIARCHIVE_MASTER_KEY";
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final byte[] key;
    private final String source;

    MasterKey(byte[] key, String source) {
        if (key.length != Sm4Gcm.KEY_BYTES) {
            throw new CryptoException("the master key must be 16 bytes (32 hex digits), not " + key.length);
        }
        this.key = key.clone();
        this.source = source;
    }

    byte[] bytes() {
        return key;
    }

    public String source() {
        return source;
    }

    /** SM3 fingerprint (first 8 bytes) of the key: tells keys apart without revealing them. */
    public String fingerprint() {
        return Sm3.hex(Sm3.digest("siarchive-master-key".getBytes(StandardCharsets.UTF_8), key))
                .substring(0, 16);
    }

    static MasterKey load(@Nullable String environmentValue, Path file, boolean createIfMissing) {
        if (environmentValue != null && !environmentValue.isBlank()) {
            return new MasterKey(parse(environmentValue.strip()), "environment " + ENVIRONMENT);
        }
        if (Files.exists(file)) {
            return fromFile(file);
        }
        if (!createIfMissing) {
            throw new CryptoException("no master key: set " + ENVIRONMENT + " or provide the key file " + file);
        }
        byte[] fresh = Sm4Gcm.randomKey();
        write(file, fresh);
        log.warn(
                "Created a new master key in {}. Back it up apart from the data: without it no encrypted"
                        + " personal data can ever be read again.",
                file);
        return new MasterKey(fresh, "file " + file);
    }

    /** A master key from its text (32 hex digits or Base64), e.g. recovered from the key escrow. */
    public static MasterKey parse(String text, String source) {
        return new MasterKey(parse(text), source);
    }

    public static MasterKey fromFile(Path file) {
        try {
            return new MasterKey(
                    parse(Files.readString(file, StandardCharsets.US_ASCII).strip()), "file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    /** Writes a new random key to a file that must not exist yet, readable by the owner only. */
    public static MasterKey generate(Path file) {
        byte[] fresh = Sm4Gcm.randomKey();
        write(file, fresh);
        return new MasterKey(fresh, "file " + file);
    }

    private static void write(Path file, byte[] key) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    HexFormat.of().formatHex(key) + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("cannot restrict the permissions of {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + file, e);
        }
    }

    private static byte[] parse(String text) {
        try {
            if (text.length() == 32) {
                return HexFormat.of().parseHex(text);
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("the master key is neither 32 hex digits nor Base64");
        }
    }
}
