package org.siarchive.crypto;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The few OpenSSL 3 libcrypto functions the native digests need, bound by JNA direct mapping (a JNI stub per
 * method, no reflection per call). Pointers travel as {@code long} (LP64: a pointer and a 64-bit integer are
 * passed alike), so a call allocates nothing. Loading this class fails with a {@link LinkageError} when the
 * library or one of the functions (OpenSSL 1.1 has no {@code EVP_MD_fetch}) is missing.
 */
final class LibCrypto {

    static {
        Native.register(LibCrypto.class, load());
    }

    private LibCrypto() {}

    private static NativeLibrary load() {
        try {
            return NativeLibrary.getInstance("libcrypto.so.3");
        } catch (UnsatisfiedLinkError e) {
            return NativeLibrary.getInstance("crypto");
        }
    }

    static native long EVP_MD_fetch(long libraryContext, String algorithm, long properties);

    static native long EVP_MD_CTX_new();

    static native void EVP_MD_CTX_free(long context);

    static native int EVP_DigestInit_ex(long context, long type, long engine);

    static native int EVP_DigestUpdate(long context, long data, long count);

    static native int EVP_DigestFinal_ex(long context, long out, long size);

    static native String OpenSSL_version(int type);
}
