package org.siarchive.shared.xml;

/** Byte-level looks at a document before any parser sees it. */
final class Bytes {

    private Bytes() {}

    /** The first index of {@code needle} in {@code data}; -1 when absent. */
    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Whether a part is XML by its start: a byte-order mark (UTF-8, UTF-16, UTF-32), "<" after optional
     * white space, "<" in UTF-16 or UTF-32 without a mark, or "<?xm" in EBCDIC, i.e. every start from
     * which a parser's encoding detection (XML 1.0 appendix F) would read a document.
     */
    static boolean looksLikeXml(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF) || startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            return true;
        }
        if (startsWith(b, 0x00, 0x00, 0x00, 0x3C)
                || startsWith(b, 0x3C, 0x00, 0x00, 0x00)
                || startsWith(b, 0x00, 0x3C)
                || startsWith(b, 0x3C, 0x00)
                || startsWith(b, 0x4C, 0x6F, 0xA7, 0x94)) {
            return true;
        }
        for (byte x : b) {
            if (x == '<') {
                return true;
            }
            if (x != ' ' && x != '\t' && x != '\r' && x != '\n') {
                return false;
            }
        }
        return b.length > 0; // nothing but white space yet: a parser could still find a document
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
