package org.siarchive.preservation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Digests;

/**
 * SM3 and SHA-256 over the same bytes in one pass, so no file is ever read twice to hash it; optionally
 * also the OCFL inventory's digest (SHA-256 for new objects: nothing extra; SHA-512 for older ones), so a sweep checks a file against the catalogue and
 * the inventory from one read. The digests themselves come from {@link Digests}: OpenSSL's libcrypto when it is in
 * use (docs/adr/0113), else BouncyCastle and the JDK.
 */
public final class Digester {

    private final Digests.Pass pass;
    private final boolean forInventory;
    private final boolean inventoryIsSha256;
    private @Nullable String inventoryHex;
    private long size;

    public Digester() {
        this.pass = Digests.pass("SM3", "SHA-256");
        this.forInventory = false;
        this.inventoryIsSha256 = false;
    }

    private Digester(String inventoryAlgorithm) {
        this.inventoryIsSha256 = inventoryAlgorithm.equalsIgnoreCase("SHA-256");
        this.pass =
                inventoryIsSha256 ? Digests.pass("SM3", "SHA-256") : Digests.pass("SM3", "SHA-256", inventoryAlgorithm);
        this.forInventory = true;
    }

    /** A digester that also computes the inventory's algorithm (Java name), SHA-256 itself not twice. */
    public static Digester withInventory(String inventoryAlgorithm) {
        return new Digester(inventoryAlgorithm);
    }

    public void update(byte[] buf, int off, int len) {
        pass.update(buf, off, len);
        size += len;
    }

    /** Hashes the buffer's remaining bytes (a direct buffer without copying them) and moves it to its limit. */
    public void update(ByteBuffer buf) {
        size += buf.remaining();
        pass.update(buf);
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
        byte[][] out = pass.finish();
        var hex = HexFormat.of();
        String sha256Hex = hex.formatHex(out[1]);
        if (forInventory) {
            inventoryHex = inventoryIsSha256 ? sha256Hex : hex.formatHex(out[2]);
        }
        return new Fixity(size, hex.formatHex(out[0]), sha256Hex);
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

    public static Fixity of(Path file) throws IOException {
        var d = new Digester();
        d.updateFrom(file);
        return d.finish();
    }

    /**
     * Hashes a whole file, read into this thread's direct buffer so native digests read it without a copy into
     * the Java heap.
     */
    public void updateFrom(Path file) throws IOException {
        ByteBuffer buf = READ_BUFFER.get();
        try (var ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf.clear()) >= 0) {
                update(buf.flip());
            }
        }
    }

    private static final ThreadLocal<ByteBuffer> READ_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(256 * 1024));

    public static Fixity of(byte[] bytes) {
        var d = new Digester();
        d.update(bytes, 0, bytes.length);
        return d.finish();
    }
}
