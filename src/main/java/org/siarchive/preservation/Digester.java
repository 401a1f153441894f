package org.siarchive.preservation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;

/**
 * SM3 and SHA-256 over the same bytes in one pass, so no file is ever read twice to hash it; optionally
 * also the OCFL inventory's digest (SHA-256 for new objects: nothing extra; SHA-512 for older ones), so a sweep checks a file against the catalogue and
 * the inventory from one read.
 */
public final class Digester {

    private final SM3Digest sm3 = new SM3Digest();
    private final MessageDigest sha256;
    private final @Nullable MessageDigest inventory;
    private final boolean forInventory;
    private @Nullable String inventoryHex;
    private long size;

    public Digester() {
        this.sha256 = digest("SHA-256");
        this.inventory = null;
        this.forInventory = false;
    }

    private Digester(String inventoryAlgorithm) {
        this.sha256 = digest("SHA-256");
        this.inventory = inventoryAlgorithm.equalsIgnoreCase("SHA-256") ? null : digest(inventoryAlgorithm);
        this.forInventory = true;
    }

    /** A digester that also computes the inventory's algorithm (Java name), SHA-256 itself not twice. */
    public static Digester withInventory(String inventoryAlgorithm) {
        return new Digester(inventoryAlgorithm);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    public void update(byte[] buf, int off, int len) {
        sm3.update(buf, off, len);
        sha256.update(buf, off, len);
        if (inventory != null) {
            inventory.update(buf, off, len);
        }
        size += len;
    }

    /** The inventory algorithm's digest (hex) of what {@link #finish} hashed; only after finish. */
    public String inventoryDigest() {
        if (inventoryHex == null) {
            throw new IllegalStateException("finish first, on a digester made withInventory");
        }
        return inventoryHex;
    }

    public long size() {
        return size;
    }

    public Fixity finish() {
        byte[] sm3Out = new byte[sm3.getDigestSize()];
        sm3.doFinal(sm3Out, 0);
        var hex = HexFormat.of();
        String sha256Hex = hex.formatHex(sha256.digest());
        if (forInventory) {
            inventoryHex = inventory == null ? sha256Hex : hex.formatHex(inventory.digest());
        }
        return new Fixity(size, hex.formatHex(sm3Out), sha256Hex);
    }

    /** Reads the stream to its end (without closing it), hashing as it goes. */
    public static Fixity of(java.io.InputStream in) throws java.io.IOException {
        var d = new Digester();
        byte[] buf = new byte[256 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            d.update(buf, 0, n);
        }
        return d.finish();
    }

    public static Fixity of(java.nio.file.Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return of(in);
        }
    }

    public static Fixity of(byte[] bytes) {
        var d = new Digester();
        d.update(bytes, 0, bytes.length);
        return d.finish();
    }
}
