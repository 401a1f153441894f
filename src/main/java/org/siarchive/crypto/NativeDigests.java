package org.siarchive.crypto;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Digests through libcrypto: message digest types fetched once, per thread a direct buffer that heap bytes are
 * copied into (one copy, then every digest of a pass reads it natively) and a few idle contexts for reuse. Whether
 * it works is decided once, by loading the library and hashing the standard vectors (GB/T 32905 "abc", FIPS 180
 * "abc").
 */
final class NativeDigests {

    /** Bytes copied into the direct buffer per round: large enough that the JNA calls cost nothing measurable. */
    static final int CHUNK = 128 * 1024;

    private static final int IDLE_CONTEXTS = 8;
    private static final Map<String, Long> TYPES = new ConcurrentHashMap<>();
    private static final java.lang.ref.Cleaner FREE_ON_THREAD_END = java.lang.ref.Cleaner.create();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final @Nullable String FAILURE = selfTest();

    private NativeDigests() {}

    /** Why the native digests cannot be used, or null when they can. */
    static @Nullable String failure() {
        return FAILURE;
    }

    static String version() {
        return FAILURE == null ? LibCrypto.OpenSSL_version(0) : "unavailable";
    }

    private static @Nullable String selfTest() {
        try {
            if (Native.SIZE_T_SIZE != 8 || Native.POINTER_SIZE != 8) {
                return "not a 64-bit platform";
            }
            byte[] abc = {'a', 'b', 'c'};
            String sm3 = HexFormat.of().formatHex(digest("SM3", abc));
            String sha = HexFormat.of().formatHex(digest("SHA-256", abc));
            if (!sm3.equals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
                    || !sha.equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")) {
                return "self-test gave wrong digests: SM3 " + sm3 + ", SHA-256 " + sha;
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            return e.toString();
        }
    }

    /** The fetched digest type, or 0 when this libcrypto has none of that name. */
    static long type(String algorithm) {
        Long type = TYPES.get(algorithm);
        return type != null
                ? type
                : TYPES.computeIfAbsent(algorithm, a -> LibCrypto.EVP_MD_fetch(0, a.toUpperCase(Locale.ROOT), 0));
    }

    /**
     * One digest of some byte arrays, on this thread's own context for the algorithm: parts that fit are gathered
     * in the direct buffer and hashed by one call (short messages such as audit records cost three native calls).
     */
    static byte[] digest(String algorithm, byte[]... parts) {
        var s = SCRATCH.get();
        long ctx = s.context(algorithm);
        check(LibCrypto.EVP_DigestInit_ex(ctx, type(algorithm), 0), "EVP_DigestInit_ex");
        int filled = 0;
        for (byte[] p : parts) {
            for (int off = 0; off < p.length; ) {
                int n = Math.min(CHUNK - filled, p.length - off);
                s.buffer.put(filled, p, off, n);
                filled += n;
                off += n;
                if (filled == CHUNK) {
                    check(LibCrypto.EVP_DigestUpdate(ctx, s.address, filled), "EVP_DigestUpdate");
                    filled = 0;
                }
            }
        }
        if (filled > 0) {
            check(LibCrypto.EVP_DigestUpdate(ctx, s.address, filled), "EVP_DigestUpdate");
        }
        return finish(ctx);
    }

    /** A context of this thread's idle ones (or a new one), initialised for the algorithm. */
    static long context(String algorithm) {
        long type = type(algorithm);
        if (type == 0) {
            throw new IllegalArgumentException("libcrypto has no digest " + algorithm);
        }
        Long idle = SCRATCH.get().idle.poll();
        long ctx = idle != null ? idle : LibCrypto.EVP_MD_CTX_new();
        if (ctx == 0) {
            throw new OutOfMemoryError("EVP_MD_CTX_new");
        }
        check(LibCrypto.EVP_DigestInit_ex(ctx, type, 0), "EVP_DigestInit_ex");
        return ctx;
    }

    /** Gives a context back to this thread's idle ones, or frees it when there are enough. */
    static void release(long ctx) {
        var idle = SCRATCH.get().idle;
        if (idle.size() < IDLE_CONTEXTS) {
            idle.push(ctx);
        } else {
            LibCrypto.EVP_MD_CTX_free(ctx);
        }
    }

    static void free(long ctx) {
        LibCrypto.EVP_MD_CTX_free(ctx);
    }

    /** Feeds {@code n} bytes at a native address to the context. */
    static void update(long ctx, long address, long n) {
        check(LibCrypto.EVP_DigestUpdate(ctx, address, n), "EVP_DigestUpdate");
    }

    static byte[] finish(long ctx) {
        var s = SCRATCH.get();
        check(LibCrypto.EVP_DigestFinal_ex(ctx, s.outAddress, s.outAddress + 64), "EVP_DigestFinal_ex");
        byte[] out = new byte[s.out.getInt(64)];
        s.out.get(0, out);
        return out;
    }

    /** This thread's direct buffer and its address, for copying heap bytes into before hashing them. */
    static Scratch scratch() {
        return SCRATCH.get();
    }

    /** The native address of a direct buffer's first byte. */
    static long address(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    private static void check(int result, String function) {
        if (result != 1) {
            throw new CryptoException(function + " failed");
        }
    }

    static final class Scratch {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        final long address = NativeDigests.address(buffer);
        final ByteBuffer out = ByteBuffer.allocateDirect(72).order(ByteOrder.nativeOrder());
        final long outAddress = NativeDigests.address(out);
        final ArrayDeque<Long> idle = new ArrayDeque<>();
        private final Map<String, Long> own = new java.util.HashMap<>();

        /** A thread that ends leaves its scratch unreachable: its contexts are freed then, not leaked. */
        Scratch() {
            var idleContexts = idle;
            var ownContexts = own;
            FREE_ON_THREAD_END.register(this, () -> {
                idleContexts.forEach(LibCrypto::EVP_MD_CTX_free);
                ownContexts.values().forEach(LibCrypto::EVP_MD_CTX_free);
            });
        }

        /** This thread's own context for one-call digests of the algorithm, never handed to a pass. */
        long context(String algorithm) {
            Long ctx = own.get(algorithm);
            if (ctx == null) {
                ctx = LibCrypto.EVP_MD_CTX_new();
                if (ctx == 0) {
                    throw new OutOfMemoryError("EVP_MD_CTX_new");
                }
                own.put(algorithm, ctx);
            }
            return ctx;
        }

        /** Copies up to {@link #CHUNK} bytes into the buffer; returns how many. */
        int load(byte[] b, int off, int len) {
            buffer.put(0, b, off, len);
            return len;
        }
    }
}
