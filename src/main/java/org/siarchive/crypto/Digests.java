package org.siarchive.crypto;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to the platform's message digests — SM3 (GB/T 32905), SHA-256 and SHA-512 — and the switch between
 * their two implementations (docs/adr/0113): the system's OpenSSL libcrypto through JNA, or BouncyCastle's SM3 and
 * the JDK's SHA-2 in Java. Both give the same digests ({@code DigestEquivalenceTest}); the native one is about
 * half again as fast for SM3. {@code siarchive.crypto.digests} chooses: {@code auto} (native when libcrypto loads and
 * passes its self-test, else Java with one warning), {@code native} (refuse to start without it) or {@code java}.
 * Until the application sets it, {@code auto} holds, so code run outside the application digests the same way.
 */
public final class Digests {

    /** Which implementation {@code siarchive.crypto.digests} asks for. */
    public enum Implementation {
        AUTO,
        NATIVE,
        JAVA;

        /** The setting's value, case ignored; refuses anything else naming the accepted values. */
        public static Implementation of(String setting) {
            try {
                return valueOf(setting.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "siarchive.crypto.digests must be auto, native or java, not \"" + setting + "\"", e);
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private static volatile boolean nativeInUse = NativeDigests.failure() == null;

    private Digests() {}

    /**
     * Applies the setting: {@code native} without a working libcrypto is refused, {@code auto} falls back to Java
     * with a warning. Returns what is in use, as {@link #implementation} says it.
     */
    public static synchronized String use(Implementation choice) {
        String failure = NativeDigests.failure();
        if (choice == Implementation.NATIVE && failure != null) {
            throw new IllegalStateException(
                    "siarchive.crypto.digests=native but OpenSSL libcrypto is unusable: " + failure);
        }
        if (choice == Implementation.AUTO && failure != null) {
            log.warn(
                    "SM3 and SHA-2 digests run in Java (BouncyCastle, JDK): OpenSSL libcrypto is unusable: {}",
                    failure);
        }
        nativeInUse = choice != Implementation.JAVA && failure == null;
        return implementation();
    }

    /** Whether digests go through libcrypto now. */
    public static boolean nativeInUse() {
        return nativeInUse;
    }

    /** Whether libcrypto loaded and passed its self-test (whatever the setting chose). */
    public static boolean nativeAvailable() {
        return NativeDigests.failure() == null;
    }

    /** Why libcrypto cannot be used, or an empty text when it can. */
    public static String nativeFailure() {
        String failure = NativeDigests.failure();
        return failure == null ? "" : failure;
    }

    /** The implementation in use, for the start-up log and the health endpoint. */
    public static String implementation() {
        return nativeInUse ? "native (" + NativeDigests.version() + ")" : "java (BouncyCastle SM3, JDK SHA-2)";
    }

    /** One pass over bytes computing each of the algorithms ("SM3", "SHA-256", "SHA-512"), with the one in use. */
    public static Pass pass(String... algorithms) {
        return pass(Implementation.AUTO, algorithms);
    }

    /**
     * One pass with a chosen implementation: {@code AUTO} is the one in use, {@code NATIVE} requires libcrypto
     * (for comparing the two, as the equivalence test and the benchmark do).
     */
    public static Pass pass(Implementation implementation, String... algorithms) {
        boolean useNative =
                switch (implementation) {
                    case AUTO -> nativeInUse;
                    case NATIVE -> {
                        if (!nativeAvailable()) {
                            throw new IllegalStateException(
                                    "OpenSSL libcrypto is unusable: " + NativeDigests.failure());
                        }
                        yield true;
                    }
                    case JAVA -> false;
                };
        if (useNative && NativePass.supports(algorithms)) {
            return new NativePass(algorithms);
        }
        return new JavaPass(algorithms);
    }

    /** Digests of the same bytes under several algorithms, read once. Not for use by two threads at a time. */
    public interface Pass {

        void update(byte[] bytes, int offset, int length);

        /** Hashes the buffer's remaining bytes and moves its position to its limit; direct buffers are not copied. */
        void update(ByteBuffer buffer);

        /** The digests, in the order of the algorithms; the pass cannot be used afterwards. */
        byte[][] finish();
    }
}
