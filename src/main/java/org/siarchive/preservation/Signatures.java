package org.siarchive.preservation;

import org.jspecify.annotations.Nullable;

/**
 * The leading bytes ("magic numbers") of the formats archives receive most, checked before Tika's full
 * magic database, which costs more CPU than hashing a small file. Anything else goes to Tika.
 */
final class Signatures {

    private Signatures() {}

    static @Nullable String mediaType(byte[] h) {
        if (starts(h, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf"; // %PDF-
        }
        if (starts(h, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(h, 0x49, 0x49, 0x2A, 0x00) || starts(h, 0x4D, 0x4D, 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (starts(h, 0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20)) {
            return "image/jp2";
        }
        if (starts(h, 0x50, 0x4B, 0x03, 0x04)) {
            return "application/zip"; // container: OFD and OOXML are told apart by their entries
        }
        return null;
    }

    private static boolean starts(byte[] h, int... sig) {
        if (h.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((h[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
